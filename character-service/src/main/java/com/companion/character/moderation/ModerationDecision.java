package com.companion.character.moderation;

import com.companion.character.core.ModerationStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A character's moderation state after an administrator's action. */
public record ModerationDecision(
        UUID characterId,
        ModerationStatus moderationStatus,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String moderationReason,
        UUID actedBy,
        Instant actedAt) {}
