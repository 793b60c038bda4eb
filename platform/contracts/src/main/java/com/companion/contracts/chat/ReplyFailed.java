package com.companion.contracts.chat;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Topics;
import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * No reply could be produced. {@code reason} is a stable code for operators and analytics
 * ({@code llm_timeout}, {@code llm_rate_limited}, ...); {@code notice} is fit to show the user.
 *
 * <p>{@code model} is the model whose call ended the request: the last one the worker called for it (when
 * the preferred model could not serve and a fallback was tried, the fallback). Null when no model was
 * called: the request was too old, the circuit breaker was open, the deadline passed before a call, or
 * an internal error came before one; and on records from producers that did not yet say.
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
        Instant failedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String model)
        implements Event {

    public static final EventType<ReplyFailed> TYPE =
            EventType.of("chat.reply-failed", Topics.REPLIES, 2, ReplyFailed.class);

    /** A failure that names no model. */
    public ReplyFailed(
            UUID requestId,
            UUID sessionId,
            UUID userId,
            UUID characterId,
            String reason,
            String notice,
            boolean retryable,
            Instant failedAt) {
        this(requestId, sessionId, userId, characterId, reason, notice, retryable, failedAt, null);
    }

    @Override
    public String partitionKey() {
        return sessionId.toString();
    }
}
