package com.companion.contracts.character;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a lorebook entry goes: before or after the character's own description. */
public enum LorebookPosition {
    @JsonProperty("before_char")
    BEFORE_CHAR,
    @JsonProperty("after_char")
    AFTER_CHAR
}
