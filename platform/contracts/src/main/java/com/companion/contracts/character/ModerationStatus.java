package com.companion.contracts.character;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Whether moderation lets a character be used. Only {@link #OK} characters may be chatted with, by
 * anyone, the owner included: a hidden or taken-down character's text never reaches a prompt.
 */
public enum ModerationStatus {
    /** Screened and allowed. */
    @JsonProperty("ok")
    OK,
    /** Created before screening existed and not screened yet. */
    @JsonProperty("pending")
    PENDING,
    /** Its text is not allowed as it stands (for example adult text after adult mode was turned off). */
    @JsonProperty("hidden")
    HIDDEN,
    /** Taken down by a moderator. */
    @JsonProperty("taken_down")
    TAKEN_DOWN
}
