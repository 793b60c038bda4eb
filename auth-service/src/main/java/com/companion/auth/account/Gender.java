package com.companion.auth.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

public enum Gender {
    @JsonProperty("male")
    MALE,
    @JsonProperty("female")
    FEMALE,
    @JsonProperty("other")
    OTHER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Gender fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
