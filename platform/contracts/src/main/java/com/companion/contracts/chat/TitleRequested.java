package com.companion.contracts.chat;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Topics;
import com.companion.contracts.character.Persona;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A low-priority request for a short title of a conversation, sent once after its third reply
 * unless the user named it. It has a queue of its own, apart from {@link MessageRequested}'s, so it
 * never waits in line with, or holds up, a reply. {@code messages} are the first messages of the
 * active path, oldest first.
 */
public record TitleRequested(
        UUID requestId,
        UUID sessionId,
        UUID userId,
        boolean userIsAdult,
        Persona character,
        List<HistoryMessage> messages,
        Instant requestedAt)
        implements Event {

    public static final EventType<TitleRequested> TYPE =
            EventType.of("chat.title-requested", Topics.TITLE_REQUESTS, TitleRequested.class);

    public TitleRequested {
        messages = List.copyOf(messages);
    }

    @Override
    public String partitionKey() {
        return sessionId.toString();
    }
}
