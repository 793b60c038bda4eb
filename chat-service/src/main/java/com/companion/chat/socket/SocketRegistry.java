package com.companion.chat.socket;

import com.companion.chat.access.ReadModels;
import com.companion.chat.push.ReplyHub;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * The sockets this instance holds, and the sweep that ends those that may no longer stay: past the
 * authentication deadline without a token (4401), with an expired token (4401), whose device
 * session was ended (logout, revoked; 4401), or whose user was disabled, banned or deleted since
 * (4403).
 */
@Component
class SocketRegistry {

    static final CloseStatus UNAUTHORIZED = new CloseStatus(4401, "unauthorized");
    private static final CloseStatus SESSION_ENDED = new CloseStatus(4401, "session ended");
    private static final CloseStatus AUTH_TIMEOUT = new CloseStatus(4401, "authentication timeout");
    private static final CloseStatus ACCOUNT_UNAVAILABLE = new CloseStatus(4403, "account unavailable");

    private final Map<String, Socket> sockets = new ConcurrentHashMap<>();
    private final ReadModels readModels;
    private final ReplyHub hub;
    private final SocketProperties properties;

    SocketRegistry(ReadModels readModels, ReplyHub hub, SocketProperties properties, MeterRegistry meters) {
        this.readModels = readModels;
        this.hub = hub;
        this.properties = properties;
        Gauge.builder("chat.sockets.open", sockets, Map::size)
                .description("WebSocket connections held by this instance")
                .register(meters);
    }

    void add(Socket socket) {
        sockets.put(socket.id(), socket);
    }

    Socket get(String id) {
        return sockets.get(id);
    }

    void remove(String id) {
        Socket socket = sockets.remove(id);
        if (socket != null) {
            socket.sessions().forEach(sessionId -> hub.leave(sessionId, socket));
        }
    }

    /** The other sockets here that joined a session. */
    Stream<Socket> othersIn(UUID sessionId, Socket except) {
        return sockets.values().stream().filter(other -> other != except && other.joined(sessionId));
    }

    @Scheduled(fixedDelayString = "${chat.socket.sweep-interval}")
    void sweep() {
        Instant now = Instant.now();
        Map<UUID, List<Socket>> byUser = new HashMap<>();
        Map<UUID, List<Socket>> byDeviceSession = new HashMap<>();
        for (Socket socket : sockets.values()) {
            Socket.Identity identity = socket.identity();
            if (identity == null) {
                if (now.isAfter(socket.connectedAt().plus(properties.authDeadline()))) {
                    socket.close(AUTH_TIMEOUT);
                }
            } else if (identity.expired(now)) {
                socket.send(Frames.error("token_expired", "Your session expired; reconnect with a fresh token.", null));
                socket.close(UNAUTHORIZED);
            } else {
                byUser.computeIfAbsent(identity.user().userId(), id -> new ArrayList<>())
                        .add(socket);
                if (identity.deviceSession() != null) {
                    byDeviceSession
                            .computeIfAbsent(identity.deviceSession(), id -> new ArrayList<>())
                            .add(socket);
                }
            }
        }
        // A gone account first: a ban or a deletion also ends the user's device sessions, and what the client must
        // be told is that the account is unavailable (4403), not that it signed out (4401).
        Set<UUID> goneUsers = readModels.gone(byUser.keySet());
        for (UUID gone : goneUsers) {
            for (Socket socket : byUser.get(gone)) {
                socket.send(Frames.error("account_unavailable", "This account is no longer available.", null));
                socket.close(ACCOUNT_UNAVAILABLE);
            }
        }
        for (UUID ended : readModels.revoked(byDeviceSession.keySet())) {
            for (Socket socket : byDeviceSession.get(ended)) {
                if (goneUsers.contains(socket.user().userId())) {
                    continue;
                }
                socket.send(Frames.error("session_ended", "You signed out on this device.", null));
                socket.close(SESSION_ENDED);
            }
        }
    }

    /** Revocations older than any access token they could concern are of no use. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetOldRevocations() {
        readModels.forgetRevokedBefore(Instant.now().minus(Duration.ofDays(1)));
    }
}
