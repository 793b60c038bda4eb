package com.companion.contracts.chat;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Topics;
import com.companion.contracts.character.Persona;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A low-priority request to bring a session's running summary up to date: {@code previousSummary} (null for the
 * first) extended with {@code messages}, the active path's messages that have left the prompt's recent window since,
 * oldest first, ending with {@code throughMessageId}. Sent after every {@code CHAT_SUMMARY_EVERY} such messages, on a
 * queue of its own so it never waits in line with, or holds up, a reply.
 */
public record SummaryRequested(
        UUID requestId,
        UUID sessionId,
        UUID userId,
        boolean userIsAdult,
        Persona character,
        @Nullable String previousSummary,
        List<HistoryMessage> messages,
        UUID throughMessageId,
        Instant requestedAt)
        implements Event {

    public static final EventType<SummaryRequested> TYPE =
            EventType.of("chat.summary-requested", Topics.SUMMARY_REQUESTS, SummaryRequested.class);

    public SummaryRequested {
        messages = List.copyOf(messages);
    }

    @Override
    public String partitionKey() {
        return sessionId.toString();
    }
}
