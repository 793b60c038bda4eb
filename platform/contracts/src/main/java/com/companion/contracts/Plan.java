package com.companion.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum Plan {
    @JsonProperty("free")
    FREE,
    @JsonProperty("premium")
    PREMIUM;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Plan fromWire(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
