package com.companion.contracts.chat;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * The worker's answer to a {@link TitleRequested}: a short title that passed the output guard.
 * Chat-service applies it unless the user has named the session meanwhile. Not a reply: ad counting
 * and reply analytics ignore it.
 */
public record SessionTitled(
        UUID requestId, UUID sessionId, UUID userId, String title, String model, TokenUsage usage, Instant titledAt)
        implements Event {

    public static final EventType<SessionTitled> TYPE =
            EventType.of("chat.session-titled", Topics.REPLIES, SessionTitled.class);

    @Override
    public String partitionKey() {
        return sessionId.toString();
    }
}
