package com.companion.contracts.chat;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * The worker's answer to a {@link SummaryRequested}: the session's running summary through {@code throughMessageId},
 * which passed the output guard. Chat-service keeps it for the session's prompts while that message stays on the
 * active path. Not a reply: ad counting and reply analytics ignore it.
 */
public record SessionSummarized(
        UUID requestId,
        UUID sessionId,
        UUID userId,
        String summary,
        UUID throughMessageId,
        String model,
        TokenUsage usage,
        Instant summarizedAt)
        implements Event {

    public static final EventType<SessionSummarized> TYPE =
            EventType.of("chat.session-summarized", Topics.REPLIES, SessionSummarized.class);

    @Override
    public String partitionKey() {
        return sessionId.toString();
    }
}
