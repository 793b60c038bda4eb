package com.companion.contracts.character;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum Visibility {
    @JsonProperty("private")
    PRIVATE,
    @JsonProperty("public")
    PUBLIC,
    @JsonProperty("shareable")
    SHAREABLE
}
