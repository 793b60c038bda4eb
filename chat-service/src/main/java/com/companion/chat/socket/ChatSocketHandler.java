package com.companion.chat.socket;

import com.companion.chat.access.ReadModels;
import com.companion.chat.push.ReplyHub;
import com.companion.chat.push.ReplyListener;
import com.companion.chat.request.RequestOutcome;
import com.companion.chat.request.RequestStatus;
import com.companion.chat.request.Requests;
import com.companion.chat.send.SendService;
import com.companion.chat.session.SessionRepository;
import com.companion.contracts.chat.ReplyChunk;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.security.AuthenticatedUser;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code /ws} conversation. A socket authenticates with {@code ?access_token=} or a first
 * {@code {type: auth, access_token}} frame, joins sessions it owns, and is sent frames only for
 * those sessions. Joining again after being away replays where the latest request stands.
 *
 * <p>Limits: a socket that has not authenticated within {@code chat.socket.auth-deadline} is closed
 * (4401); every frame, whatever its type, spends the socket's frame budget (past it the frame is
 * dropped with a {@code rate_limited} error); frames larger than {@code max-frame-bytes} close the
 * socket (1009, by the container). A sweep every {@code sweep-interval} closes sockets whose token
 * expired (4401, unless an {@code auth} frame renewed it), sockets whose device session was ended
 * (logout, revoked; 4401), and sockets of users who were disabled, banned or deleted since (4403).
 */
@Component
class ChatSocketHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(ChatSocketHandler.class);
    private static final CloseStatus UNAUTHORIZED = new CloseStatus(4401, "unauthorized");
    private static final CloseStatus SESSION_ENDED = new CloseStatus(4401, "session ended");
    private static final CloseStatus AUTH_TIMEOUT = new CloseStatus(4401, "authentication timeout");
    private static final CloseStatus ACCOUNT_UNAVAILABLE = new CloseStatus(4403, "account unavailable");

    private final JwtDecoder jwtDecoder;
    private final SessionRepository sessions;
    private final Requests requests;
    private final SendService sends;
    private final ReplyHub hub;
    private final JsonMapper json;
    private final ReadModels readModels;
    private final SocketProperties properties;
    private final Map<String, Socket> sockets = new ConcurrentHashMap<>();

    ChatSocketHandler(
            JwtDecoder jwtDecoder,
            SessionRepository sessions,
            Requests requests,
            SendService sends,
            ReplyHub hub,
            JsonMapper json,
            ReadModels readModels,
            SocketProperties properties,
            MeterRegistry meters) {
        this.jwtDecoder = jwtDecoder;
        this.sessions = sessions;
        this.requests = requests;
        this.sends = sends;
        this.hub = hub;
        this.json = json;
        this.readModels = readModels;
        this.properties = properties;
        Gauge.builder("chat.sockets.open", sockets, Map::size)
                .description("WebSocket connections held by this instance")
                .register(meters);
    }

    /** One connected client: its identity, the sessions it joined, and the frames it is sent. */
    private final class Socket implements ReplyListener {
        final WebSocketSession ws;
        volatile AuthenticatedUser user;
        volatile Instant expiresAt;
        volatile UUID deviceSession;
        final Set<UUID> joined = ConcurrentHashMap.newKeySet();
        final Instant connectedAt = Instant.now();
        final Bucket frames = Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(properties.frameBurst())
                        .refillGreedy(properties.framesPerSecond(), Duration.ofSeconds(1))
                        .build())
                .build();

        Socket(WebSocketSession ws) {
            this.ws = new ConcurrentWebSocketSessionDecorator(ws, 5_000, 512 * 1024);
        }

        @Override
        public void chunk(ReplyChunk chunk) {
            if (joined.contains(chunk.sessionId())) {
                send(
                        this,
                        frame(
                                "assistant_token",
                                chunk.sessionId(),
                                Map.of(
                                        "request_id",
                                        chunk.requestId(),
                                        "attempt",
                                        chunk.attempt(),
                                        "seq",
                                        chunk.seq(),
                                        "text",
                                        chunk.text())));
            }
        }

        @Override
        public void finished(RequestOutcome outcome) {
            if (joined.contains(outcome.sessionId())) {
                send(this, outcomeFrame(outcome));
            }
        }
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession ws) {
        Socket socket = new Socket(ws);
        sockets.put(ws.getId(), socket);
        URI uri = ws.getUri();
        String token = uri == null
                ? null
                : UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst("access_token");
        if (token != null && !authenticate(socket, token)) {
            close(socket, UNAUTHORIZED);
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession ws, TextMessage message) {
        Socket socket = sockets.get(ws.getId());
        if (socket == null) {
            return;
        }
        JsonNode frame;
        try {
            frame = json.readTree(message.getPayload());
        } catch (RuntimeException e) {
            frame = null;
        }
        if (!socket.frames.tryConsume(1)) {
            String clientId = frame == null ? null : frame.path("client_id").asString(null);
            send(socket, error("rate_limited", "Too many frames; slow down.", clientId));
            return;
        }
        if (frame == null) {
            send(socket, error("bad_frame", "Frames are JSON objects with a type.", null));
            return;
        }
        String type = frame.path("type").asString("");
        if (socket.user == null) {
            if ("auth".equals(type)
                    && authenticate(socket, frame.path("access_token").asString(""))) {
                send(socket, Map.of("type", "authenticated", "user_id", socket.user.userId()));
            } else {
                close(socket, UNAUTHORIZED);
            }
            return;
        }
        if (socket.expiresAt != null && Instant.now().isAfter(socket.expiresAt)) {
            send(socket, error("token_expired", "Your session expired; reconnect with a fresh token.", null));
            close(socket, UNAUTHORIZED);
            return;
        }
        switch (type) {
            case "auth" -> authenticate(socket, frame.path("access_token").asString(""));
            case "join_session" -> join(socket, uuid(frame, "session_id"));
            case "user_message" -> userMessage(socket, frame);
            case "typing" -> typing(socket, uuid(frame, "session_id"));
            default -> send(socket, error("unknown_type", "Unknown frame type '" + type + "'.", null));
        }
    }

    private void join(Socket socket, UUID sessionId) {
        if (sessionId == null
                || sessions.findOwned(sessionId, socket.user.userId()).isEmpty()) {
            send(socket, error("not_found", "No such session.", null));
            return;
        }
        if (socket.joined.add(sessionId)) {
            hub.join(sessionId, socket);
        }
        send(socket, frame("presence", sessionId, Map.of("joined", true)));
        requests.latest(sessionId).ifPresent(latest -> {
            if (latest.finished()) {
                send(socket, outcomeFrame(latest));
            } else {
                hub.chunksSoFar(latest.requestId()).forEach(socket::chunk);
            }
        });
    }

    private void userMessage(Socket socket, JsonNode frame) {
        UUID sessionId = uuid(frame, "session_id");
        String clientId = frame.path("client_id").asString(null);
        if (sessionId == null) {
            send(socket, error("bad_frame", "session_id is required.", clientId));
            return;
        }
        if (!socket.joined.contains(sessionId)) {
            join(socket, sessionId);
            if (!socket.joined.contains(sessionId)) {
                return;
            }
        }
        try {
            SendService.Accepted accepted = sends.send(
                    socket.user,
                    sessionId,
                    frame.path("message").asString(""),
                    a -> hub.expect(a.requestId(), a.sessionId(), null));
            Map<String, Object> typing = new LinkedHashMap<>();
            typing.put("request_id", accepted.requestId());
            typing.put("message_id", accepted.userMessageId());
            typing.put("from", "assistant");
            if (clientId != null) {
                typing.put("client_id", clientId);
            }
            send(socket, frame("typing", sessionId, typing));
        } catch (ApiProblem problem) {
            String slug =
                    problem.type().getPath().substring(problem.type().getPath().lastIndexOf('/') + 1);
            send(socket, error(slug.replace('-', '_'), problem.getMessage(), clientId));
        }
    }

    private void typing(Socket socket, UUID sessionId) {
        if (sessionId == null || !socket.joined.contains(sessionId)) {
            return;
        }
        sockets.values().stream()
                .filter(other -> other != socket && other.joined.contains(sessionId))
                .forEach(other -> send(other, frame("typing", sessionId, Map.of("from", "user"))));
    }

    private boolean authenticate(Socket socket, String token) {
        try {
            Jwt jwt = jwtDecoder.decode(token);
            AuthenticatedUser user = AuthenticatedUser.from(jwt);
            if (socket.user != null && !socket.user.userId().equals(user.userId())) {
                return false;
            }
            socket.user = user;
            socket.expiresAt = jwt.getExpiresAt();
            socket.deviceSession = deviceSession(jwt);
            return true;
        } catch (JwtException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Closes sockets past their authentication deadline or token expiry, and those of users who are gone. */
    @Scheduled(fixedDelayString = "${chat.socket.sweep-interval}")
    void sweep() {
        Instant now = Instant.now();
        Map<UUID, List<Socket>> byUser = new HashMap<>();
        Map<UUID, List<Socket>> byDeviceSession = new HashMap<>();
        for (Socket socket : sockets.values()) {
            AuthenticatedUser user = socket.user;
            if (user == null) {
                if (now.isAfter(socket.connectedAt.plus(properties.authDeadline()))) {
                    close(socket, AUTH_TIMEOUT);
                }
            } else if (socket.expiresAt != null && now.isAfter(socket.expiresAt)) {
                send(socket, error("token_expired", "Your session expired; reconnect with a fresh token.", null));
                close(socket, UNAUTHORIZED);
            } else {
                byUser.computeIfAbsent(user.userId(), id -> new ArrayList<>()).add(socket);
                if (socket.deviceSession != null) {
                    byDeviceSession
                            .computeIfAbsent(socket.deviceSession, id -> new ArrayList<>())
                            .add(socket);
                }
            }
        }
        for (UUID ended : readModels.revoked(byDeviceSession.keySet())) {
            for (Socket socket : byDeviceSession.get(ended)) {
                send(socket, error("session_ended", "You signed out on this device.", null));
                close(socket, SESSION_ENDED);
            }
        }
        for (UUID gone : readModels.gone(byUser.keySet())) {
            for (Socket socket : byUser.get(gone)) {
                send(socket, error("account_unavailable", "This account is no longer available.", null));
                close(socket, ACCOUNT_UNAVAILABLE);
            }
        }
    }

    /** Revocations older than any access token they could concern are of no use. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetOldRevocations() {
        readModels.forgetRevokedBefore(Instant.now().minus(Duration.ofDays(1)));
    }

    private static UUID deviceSession(Jwt jwt) {
        try {
            String sid = jwt.getClaimAsString("sid");
            return sid == null ? null : UUID.fromString(sid);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession ws, CloseStatus status) {
        Socket socket = sockets.remove(ws.getId());
        if (socket != null) {
            socket.joined.forEach(sessionId -> hub.leave(sessionId, socket));
        }
    }

    private Map<String, Object> outcomeFrame(RequestOutcome outcome) {
        if (outcome.status() == RequestStatus.FAILED) {
            return frame(
                    "assistant_error",
                    outcome.sessionId(),
                    Map.of(
                            "request_id", outcome.requestId(),
                            "code", outcome.errorCode() == null ? "failed" : outcome.errorCode(),
                            "message", outcome.errorMessage() == null ? "The reply failed." : outcome.errorMessage()));
        }
        return frame(
                "assistant_done",
                outcome.sessionId(),
                Map.of(
                        "request_id", outcome.requestId(),
                        "message_id", outcome.messageId(),
                        "content", outcome.reply(),
                        "show_ad", outcome.showAd(),
                        "ad_counter", outcome.adCounter()));
    }

    private static Map<String, Object> frame(String type, UUID sessionId, Map<String, Object> fields) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", type);
        frame.put("session_id", sessionId);
        frame.putAll(fields);
        return frame;
    }

    private static Map<String, Object> error(String code, String message, String clientId) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "error");
        frame.put("code", code);
        frame.put("message", message);
        if (clientId != null) {
            frame.put("client_id", clientId);
        }
        return frame;
    }

    private static UUID uuid(JsonNode frame, String field) {
        try {
            String value = frame.path(field).asString(null);
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void send(Socket socket, Map<String, Object> frame) {
        try {
            if (socket.ws.isOpen()) {
                socket.ws.sendMessage(new TextMessage(json.writeValueAsString(frame)));
            }
        } catch (IOException | RuntimeException e) {
            log.debug("could not send to socket {}: {}", socket.ws.getId(), e.toString());
        }
    }

    private void close(Socket socket, CloseStatus status) {
        try {
            socket.ws.close(status);
        } catch (IOException e) {
            log.debug("closing socket {}: {}", socket.ws.getId(), e.toString());
        }
    }
}
