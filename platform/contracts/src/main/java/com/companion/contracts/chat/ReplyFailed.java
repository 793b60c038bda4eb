package com.companion.contracts.chat;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * No reply could be produced. {@code reason} is a stable code for operators and analytics
 * ({@code llm_timeout}, {@code llm_rate_limited}, ...); {@code userMessage} is fit to show the user.
 */
public record ReplyFailed(
        UUID requestId,
        UUID sessionId,
        UUID userId,
        UUID characterId,
        String reason,
        String userMessage,
        boolean retryable,
        Instant failedAt)
        implements Event {

    public static final EventType<ReplyFailed> TYPE =
            EventType.of("chat.reply-failed", Topics.REPLIES, ReplyFailed.class);

    @Override
    public String partitionKey() {
        return sessionId.toString();
    }
}
