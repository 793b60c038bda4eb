package com.companion.contracts.chat;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Plan;
import com.companion.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * A user asked for a reply: a new message, an edited one, a regeneration or a continuation. Never carries the
 * message text, so a consumer of this topic cannot store content it should not have. {@code requestId} is the
 * request the worker will answer on {@code chat.replies.v1}.
 */
public record MessageSent(
        UUID requestId,
        UUID messageId,
        UUID sessionId,
        UUID userId,
        UUID characterId,
        Plan plan,
        SentMessageKind kind,
        Instant sentAt)
        implements Event {

    public static final EventType<MessageSent> TYPE =
            EventType.of("chat.message-sent", Topics.CHAT_ACTIVITY, MessageSent.class);

    @Override
    public String partitionKey() {
        return sessionId.toString();
    }
}
