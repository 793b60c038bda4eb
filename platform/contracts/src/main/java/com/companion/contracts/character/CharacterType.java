package com.companion.contracts.character;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum CharacterType {
    @JsonProperty("girlfriend")
    GIRLFRIEND,
    @JsonProperty("boyfriend")
    BOYFRIEND,
    @JsonProperty("friend")
    FRIEND,
    @JsonProperty("therapist")
    THERAPIST,
    @JsonProperty("mentor")
    MENTOR,
    @JsonProperty("celebrity")
    CELEBRITY,
    @JsonProperty("custom")
    CUSTOM;

    /** Types whose default register is romantic; for a minor the prompt never takes it. */
    public boolean romantic() {
        return this == GIRLFRIEND || this == BOYFRIEND;
    }
}
