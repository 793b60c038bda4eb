package com.companion.contracts.moderation;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Topics;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An administrator resolved a report with a takedown or a ban, in chat-service (which holds reports). The owner of
 * the target carries it out: character-service takes the character {@code targetId} down, auth-service bans the user
 * {@code targetId}. Carrying out the same {@code actionId} twice changes nothing; a target already taken down or
 * banned stays so.
 */
public record ModerationActionRequested(
        UUID actionId,
        ModerationAction action,
        UUID targetId,
        UUID adminId,
        String reason,
        @Nullable UUID reportId,
        Instant requestedAt)
        implements Event {

    public static final EventType<ModerationActionRequested> TYPE =
            EventType.of("moderation.action-requested", Topics.MODERATION_ACTIONS, ModerationActionRequested.class);

    @Override
    public String partitionKey() {
        return targetId.toString();
    }
}
