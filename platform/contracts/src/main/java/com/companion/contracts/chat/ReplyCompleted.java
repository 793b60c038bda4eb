package com.companion.contracts.chat;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Plan;
import com.companion.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/** The assistant's reply, whole, after the output guard passed it. */
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
        Instant completedAt)
        implements Event {

    public static final EventType<ReplyCompleted> TYPE =
            EventType.of("chat.reply-completed", Topics.REPLIES, ReplyCompleted.class);

    @Override
    public String partitionKey() {
        return sessionId.toString();
    }
}
