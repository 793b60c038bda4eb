package com.companion.contracts.auth;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * A signed-in device session ended before its time: logout, a device revoked from the session
 * list, or a stolen refresh token detected. Access tokens carry the session as {@code sid}; a
 * service holding a long-lived connection for one (a chat socket) closes it.
 *
 * @param reason {@code logout}, {@code revoked} or {@code reuse-detected}
 */
public record SessionRevoked(UUID userId, UUID sessionId, String reason, Instant revokedAt) implements Event {

    public static final EventType<SessionRevoked> TYPE =
            EventType.of("auth.session-revoked", Topics.AUTH_SESSIONS, SessionRevoked.class);

    @Override
    public String partitionKey() {
        return userId.toString();
    }
}
