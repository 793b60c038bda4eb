package com.companion.contracts.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a {@link DailyRollup} is about: the whole product, one model, or one character. */
public enum RollupDimension {
    @JsonProperty("all")
    ALL,
    @JsonProperty("model")
    MODEL,
    @JsonProperty("character")
    CHARACTER
}
