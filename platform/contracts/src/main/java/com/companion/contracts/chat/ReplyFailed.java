package com.companion.contracts.chat;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Topics;
import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;
import java.util.UUID;

/**
 * No reply could be produced. {@code reason} is a stable code for operators and analytics
 * ({@code llm_timeout}, {@code llm_rate_limited}, ...); {@code notice} is fit to show the user.
 *
 * <p>Schema version 2 renamed {@code user_message} (version 1) to {@code notice}: the old name read as
 * the user's own message. Readers take both.
 */
public record ReplyFailed(
        UUID requestId,
        UUID sessionId,
        UUID userId,
        UUID characterId,
        String reason,
        @JsonAlias("user_message") String notice,
        boolean retryable,
        Instant failedAt)
        implements Event {

    public static final EventType<ReplyFailed> TYPE =
            EventType.of("chat.reply-failed", Topics.REPLIES, 2, ReplyFailed.class);

    @Override
    public String partitionKey() {
        return sessionId.toString();
    }
}
