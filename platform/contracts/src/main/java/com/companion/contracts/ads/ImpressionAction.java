package com.companion.contracts.ads;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum ImpressionAction {
    @JsonProperty("shown")
    SHOWN,
    @JsonProperty("clicked")
    CLICKED
}
