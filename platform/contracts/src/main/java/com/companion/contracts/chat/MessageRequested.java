package com.companion.contracts.chat;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Plan;
import com.companion.contracts.Topics;
import com.companion.contracts.character.Persona;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user message waiting for a reply: everything a stateless worker needs, so that it reads no
 * database. {@code history} is oldest first and excludes {@code userMessage}. {@code inputVerdict} is
 * chat-service's guard verdict on {@code userMessage} (null from producers that did not screen it).
 */
public record MessageRequested(
        UUID requestId,
        UUID sessionId,
        UUID userId,
        UUID userMessageId,
        Plan plan,
        boolean userIsAdult,
        Persona character,
        List<HistoryMessage> history,
        String userMessage,
        Instant requestedAt,
        @Nullable InputVerdict inputVerdict)
        implements Event {

    public static final EventType<MessageRequested> TYPE =
            EventType.of("chat.message-requested", Topics.MESSAGE_REQUESTED, MessageRequested.class);

    public MessageRequested {
        history = List.copyOf(history);
    }

    @Override
    public String partitionKey() {
        return sessionId.toString();
    }
}
