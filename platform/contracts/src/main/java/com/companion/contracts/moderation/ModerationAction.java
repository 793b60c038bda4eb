package com.companion.contracts.moderation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an administrator decided about a reported target, carried out by the service that owns it. */
public enum ModerationAction {
    /** A character leaves the catalogue, share links and previews; character-service carries it out. */
    @JsonProperty("takedown")
    TAKEDOWN,
    /** An account is disabled and signed out everywhere; auth-service carries it out. */
    @JsonProperty("ban")
    BAN
}
