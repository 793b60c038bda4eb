package com.companion.chat.request;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum RequestStatus {
    @JsonProperty("pending")
    PENDING,
    @JsonProperty("completed")
    COMPLETED,
    @JsonProperty("blocked")
    BLOCKED,
    @JsonProperty("failed")
    FAILED
}
