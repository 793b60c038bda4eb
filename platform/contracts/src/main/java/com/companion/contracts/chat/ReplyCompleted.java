package com.companion.contracts.chat;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Plan;
import com.companion.contracts.Topics;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The assistant's reply, whole, after the output guard passed it. {@code model} is the model that wrote it.
 * {@code fallbackFrom} is set when that was not the preferred model: it names the preferred model, which
 * could not serve (it refused this request, or refused an earlier one and is being skipped for a while), so
 * a fallback model answered. Null when the preferred model answered, and on records from producers that
 * did not yet say.
 */
public record ReplyCompleted(
        UUID requestId,
        UUID sessionId,
        UUID userId,
        UUID characterId,
        Plan plan,
        String text,
        String finishReason,
        TokenUsage usage,
        String model,
        long latencyMs,
        long timeToFirstTokenMs,
        int attempts,
        Instant completedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String fallbackFrom)
        implements Event {

    public static final EventType<ReplyCompleted> TYPE =
            EventType.of("chat.reply-completed", Topics.REPLIES, ReplyCompleted.class);

    /** A reply that does not say whether a fallback model wrote it. */
    public ReplyCompleted(
            UUID requestId,
            UUID sessionId,
            UUID userId,
            UUID characterId,
            Plan plan,
            String text,
            String finishReason,
            TokenUsage usage,
            String model,
            long latencyMs,
            long timeToFirstTokenMs,
            int attempts,
            Instant completedAt) {
        this(
                requestId,
                sessionId,
                userId,
                characterId,
                plan,
                text,
                finishReason,
                usage,
                model,
                latencyMs,
                timeToFirstTokenMs,
                attempts,
                completedAt,
                null);
    }

    @Override
    public String partitionKey() {
        return sessionId.toString();
    }
}
