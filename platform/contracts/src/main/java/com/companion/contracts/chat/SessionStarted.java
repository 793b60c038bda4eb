package com.companion.contracts.chat;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Plan;
import com.companion.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/** A user opened a chat session with a character. Carries no content: analytics count sessions from it. */
public record SessionStarted(UUID sessionId, UUID userId, UUID characterId, Plan plan, Instant startedAt)
        implements Event {

    public static final EventType<SessionStarted> TYPE =
            EventType.of("chat.session-started", Topics.CHAT_ACTIVITY, SessionStarted.class);

    @Override
    public String partitionKey() {
        return sessionId.toString();
    }
}
