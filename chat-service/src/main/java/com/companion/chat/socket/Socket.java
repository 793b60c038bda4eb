package com.companion.chat.socket;

import com.companion.chat.push.ReplyListener;
import com.companion.chat.request.OutcomeView;
import com.companion.chat.request.RequestOutcome;
import com.companion.contracts.chat.ReplyChunk;
import com.companion.platform.web.security.AuthenticatedUser;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import tools.jackson.databind.json.JsonMapper;

/**
 * One connected client: who it is (once authenticated), the sessions it joined, its frame budget,
 * and the one way frames reach it. As a {@link ReplyListener} it is sent the reply events of the
 * sessions it joined, and nothing of others.
 */
final class Socket implements ReplyListener {

    private static final Logger log = LoggerFactory.getLogger(Socket.class);

    private final WebSocketSession ws;
    private final JsonMapper json;
    private final Bucket frames;
    private final Instant connectedAt = Instant.now();
    private final Set<UUID> joined = ConcurrentHashMap.newKeySet();
    private volatile Identity identity;

    /** Who a socket speaks for, from its latest accepted token. */
    record Identity(AuthenticatedUser user, Instant expiresAt, UUID deviceSession) {

        boolean expired(Instant now) {
            return expiresAt != null && now.isAfter(expiresAt);
        }
    }

    Socket(WebSocketSession ws, JsonMapper json, SocketProperties properties) {
        this.ws = new ConcurrentWebSocketSessionDecorator(ws, 5_000, 512 * 1024);
        this.json = json;
        this.frames = Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(properties.frameBurst())
                        .refillGreedy(properties.framesPerSecond(), Duration.ofSeconds(1))
                        .build())
                .build();
    }

    String id() {
        return ws.getId();
    }

    Identity identity() {
        return identity;
    }

    AuthenticatedUser user() {
        Identity current = identity;
        return current == null ? null : current.user();
    }

    void identify(Identity identity) {
        this.identity = identity;
    }

    Instant connectedAt() {
        return connectedAt;
    }

    /** Spends one frame of the budget; false when the socket is sending too fast. */
    boolean takeFrame() {
        return frames.tryConsume(1);
    }

    boolean joined(UUID sessionId) {
        return joined.contains(sessionId);
    }

    /** True when the session is newly joined. */
    boolean join(UUID sessionId) {
        return joined.add(sessionId);
    }

    Set<UUID> sessions() {
        return Set.copyOf(joined);
    }

    @Override
    public void chunk(ReplyChunk chunk) {
        if (joined(chunk.sessionId())) {
            send(Frames.frame(
                    "assistant_token",
                    chunk.sessionId(),
                    Map.of(
                            "request_id", chunk.requestId(),
                            "attempt", chunk.attempt(),
                            "seq", chunk.seq(),
                            "text", chunk.text())));
        }
    }

    @Override
    public void finished(RequestOutcome outcome) {
        if (joined(outcome.sessionId())) {
            send(OutcomeView.socketFrame(outcome));
        }
    }

    @Override
    public void adDecided(RequestOutcome outcome) {
        if (joined(outcome.sessionId())) {
            send(OutcomeView.adFrame(outcome));
        }
    }

    void send(Map<String, Object> frame) {
        try {
            if (ws.isOpen()) {
                ws.sendMessage(new TextMessage(json.writeValueAsString(frame)));
            }
        } catch (IOException | RuntimeException e) {
            log.debug("could not send to socket {}: {}", ws.getId(), e.toString());
        }
    }

    void close(CloseStatus status) {
        try {
            ws.close(status);
        } catch (IOException e) {
            log.debug("closing socket {}: {}", ws.getId(), e.toString());
        }
    }

    /** The access token the client put in the upgrade URL, if any. */
    String upgradeToken() {
        return ws.getUri() == null
                ? null
                : org.springframework.web.util.UriComponentsBuilder.fromUri(ws.getUri())
                        .build()
                        .getQueryParams()
                        .getFirst("access_token");
    }
}
