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
 * {@code continues} is set when the request extends a reply ({@code POST /chat/continue}): the text of
 * that reply, which answered {@code userMessage}; the worker generates only what follows it. Null for
 * a new reply. {@code memory} is what the prompt remembers beyond {@code history} (the user's persona,
 * their pinned memories for this character); null from producers before memory, read as none.
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
        @Nullable InputVerdict inputVerdict,
        @Nullable String continues,
        @Nullable Memory memory)
        implements Event {

    public static final EventType<MessageRequested> TYPE =
            EventType.of("chat.message-requested", Topics.MESSAGE_REQUESTED, MessageRequested.class);

    public MessageRequested {
        history = List.copyOf(history);
    }

    /** A request without memory. */
    public MessageRequested(
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
            @Nullable InputVerdict inputVerdict,
            @Nullable String continues) {
        this(
                requestId,
                sessionId,
                userId,
                userMessageId,
                plan,
                userIsAdult,
                character,
                history,
                userMessage,
                requestedAt,
                inputVerdict,
                continues,
                null);
    }

    /** What the prompt remembers; none when the producer sent no memory. */
    public Memory memoryOrNone() {
        return memory == null ? Memory.NONE : memory;
    }

    /** A request for a new reply (not a continuation), without memory. */
    public MessageRequested(
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
            @Nullable InputVerdict inputVerdict) {
        this(
                requestId,
                sessionId,
                userId,
                userMessageId,
                plan,
                userIsAdult,
                character,
                history,
                userMessage,
                requestedAt,
                inputVerdict,
                null,
                null);
    }

    @Override
    public String partitionKey() {
        return sessionId.toString();
    }
}
