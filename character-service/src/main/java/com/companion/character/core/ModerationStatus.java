package com.companion.character.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * Whether a character may be shown to anyone but its owner. Only {@link #OK} is: the access rule,
 * the catalogue, share links and the published snapshot all read this state, so a change of it takes
 * effect at once on every path.
 */
public enum ModerationStatus {
    /** Screened, and acceptable in the character's current mode. */
    @JsonProperty("ok")
    OK,
    /** Never screened (written before screening existed); the re-screening job will judge it. */
    @JsonProperty("pending")
    PENDING,
    /** Its text fails screening in its current mode; an edit that passes brings it back. */
    @JsonProperty("hidden")
    HIDDEN,
    /** An administrator took it down; only an administrator brings it back. */
    @JsonProperty("taken_down")
    TAKEN_DOWN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ModerationStatus fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** The state after the text was screened now; a takedown outlasts any screening. */
    public ModerationStatus afterScreening(boolean passed) {
        if (this == TAKEN_DOWN) {
            return TAKEN_DOWN;
        }
        return passed ? OK : HIDDEN;
    }
}
