package com.companion.gateway.socketio;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Socket.IO side of one Engine.IO session: the {@code /chat} namespace, bridged to a socket
 * of chat-service's {@code /ws}. Connecting verifies the handshake's {@code auth.token} with the
 * edge's decoder, spends one connection from the user's socket budget (the one {@code /ws}
 * upgrades spend), then opens the upstream socket with the token; only then is the connection
 * accepted.
 * An event {@code E} with data {@code {...}} goes up as the frame {@code {type: E, ...}}; a frame
 * {@code {type: T, ...}} comes down as the event {@code T} with the frame, without {@code type},
 * as its data. When chat-service closes with 4401 or 4403 the namespace is disconnected (the
 * client must not reconnect with the same token); any other close ends the session, so the client
 * reconnects.
 */
final class ChatNamespace implements EngineSession.Listener, ChatUpstream.Listener {

    static final String NAMESPACE = "/chat";

    private static final Logger log = LoggerFactory.getLogger(ChatNamespace.class);

    private static final int UNAUTHORIZED = 4401;
    private static final int FORBIDDEN = 4403;

    private final EngineSession engine;
    private final String scheme;
    private final JsonMapper json;
    private final ReactiveJwtDecoder jwtDecoder;
    private final ChatUpstream upstream;
    private final Function<String, Mono<Long>> connectionBudget;
    private final Disposable connectDeadline;

    private ChatUpstream.Link link;
    private boolean connecting;
    private boolean closed;

    ChatNamespace(
            EngineSession engine,
            String scheme,
            JsonMapper json,
            ReactiveJwtDecoder jwtDecoder,
            ChatUpstream upstream,
            Function<String, Mono<Long>> connectionBudget,
            SocketIoProperties properties) {
        this.engine = engine;
        this.scheme = scheme;
        this.json = json;
        this.jwtDecoder = jwtDecoder;
        this.upstream = upstream;
        this.connectionBudget = connectionBudget;
        this.connectDeadline = Mono.delay(properties.connectTimeout()).subscribe(tick -> {
            synchronized (this) {
                if (link != null || connecting) {
                    return;
                }
            }
            engine.end();
        });
    }

    @Override
    public void onMessage(String data) {
        SocketPacket packet = SocketPacket.decode(data, json);
        switch (packet.type()) {
            case CONNECT -> connect(packet);
            case DISCONNECT -> disconnect(packet.namespace());
            case EVENT -> event(packet);
            case ACK -> {}
            default -> throw new ProtocolException("a client does not send " + packet.type());
        }
    }

    @Override
    public void onClose() {
        ChatUpstream.Link open;
        synchronized (this) {
            closed = true;
            open = link;
            link = null;
        }
        connectDeadline.dispose();
        if (open != null) {
            open.close();
        }
    }

    private void connect(SocketPacket packet) {
        if (!NAMESPACE.equals(packet.namespace())) {
            send(new SocketPacket(
                    SocketPacket.Type.CONNECT_ERROR,
                    packet.namespace(),
                    null,
                    json.valueToTree(Map.of("message", "Invalid namespace"))));
            return;
        }
        synchronized (this) {
            if (link != null || connecting || closed) {
                return;
            }
            connecting = true;
        }
        JsonNode token = packet.data() == null ? null : packet.data().get("token");
        if (token == null || !token.isString() || token.asString().isBlank()) {
            refuse("An access token is required in auth.token.");
            return;
        }
        jwtDecoder
                .decode(token.asString())
                .onErrorMap(JwtException.class, InvalidToken::new)
                .flatMap(jwt -> connectionBudget.apply(jwt.getSubject()))
                .flatMap(wait -> wait > 0
                        ? Mono.error(new OverBudget(wait))
                        : upstream.open(token.asString(), engine.clientAddress(), scheme, this))
                .subscribe(this::connected, error -> {
                    if (error instanceof InvalidToken) {
                        refuse("A valid access token is required.");
                    } else if (error instanceof OverBudget over) {
                        refuse(
                                "Too many connections; try again in " + over.retryAfter + " seconds.",
                                Map.of("code", "rate_limited", "retry_after", over.retryAfter));
                    } else {
                        log.warn("could not open chat-service's socket for a Socket.IO client: {}", error.toString());
                        refuse("Chat is unavailable; try again.");
                    }
                });
    }

    private void connected(ChatUpstream.Link opened) {
        synchronized (this) {
            connecting = false;
            if (closed) {
                opened.close();
                return;
            }
            link = opened;
        }
        connectDeadline.dispose();
        send(new SocketPacket(
                SocketPacket.Type.CONNECT,
                NAMESPACE,
                null,
                json.valueToTree(Map.of("sid", UUID.randomUUID().toString()))));
    }

    private void refuse(String message) {
        refuse(message, null);
    }

    private void refuse(String message, Map<String, Object> data) {
        synchronized (this) {
            connecting = false;
        }
        ObjectNode error = json.createObjectNode().put("message", message);
        if (data != null) {
            error.set("data", json.valueToTree(data));
        }
        send(new SocketPacket(SocketPacket.Type.CONNECT_ERROR, NAMESPACE, null, error));
    }

    private void disconnect(String namespace) {
        if (!NAMESPACE.equals(namespace)) {
            return;
        }
        ChatUpstream.Link open;
        synchronized (this) {
            open = link;
            link = null;
        }
        if (open != null) {
            open.close();
        }
    }

    private void event(SocketPacket packet) {
        ChatUpstream.Link open;
        synchronized (this) {
            open = NAMESPACE.equals(packet.namespace()) ? link : null;
        }
        if (open == null) {
            return;
        }
        String name = packet.data().get(0).asString();
        JsonNode argument = packet.data().size() > 1 ? packet.data().get(1) : null;
        if (argument != null && !argument.isObject()) {
            emit("error", Map.of("code", "bad_frame", "message", "Event data must be a JSON object."));
            acknowledge(packet, false);
            return;
        }
        ObjectNode frame = json.createObjectNode();
        frame.put("type", name);
        if (argument != null) {
            argument.properties().forEach(field -> {
                if (!"type".equals(field.getKey())) {
                    frame.set(field.getKey(), field.getValue());
                }
            });
        }
        if ("user_message".equals(name) && !frame.has("message") && frame.has("content")) {
            frame.set("message", frame.remove("content"));
        }
        boolean queued = open.send(json.writeValueAsString(frame));
        acknowledge(packet, queued);
        if (!queued) {
            log.info("closing Socket.IO session {}: chat-service does not keep up with its frames", engine.id());
            engine.terminate();
        }
    }

    /** An acknowledgement says the gateway passed the frame on; what chat-service made of it comes as events. */
    private void acknowledge(SocketPacket packet, boolean forwarded) {
        if (packet.ackId() != null) {
            send(new SocketPacket(
                    SocketPacket.Type.ACK,
                    NAMESPACE,
                    packet.ackId(),
                    json.createArrayNode().add(json.createObjectNode().put("ok", forwarded))));
        }
    }

    @Override
    public void onFrame(ChatUpstream.Link from, String text) {
        JsonNode frame;
        try {
            frame = json.readTree(text);
        } catch (JacksonException e) {
            log.debug("chat-service sent a frame that is not JSON; dropped");
            return;
        }
        if (!(frame instanceof ObjectNode object) || !object.path("type").isString()) {
            return;
        }
        String type = object.remove("type").asString();
        send(new SocketPacket(
                SocketPacket.Type.EVENT,
                NAMESPACE,
                null,
                json.createArrayNode().add(type).add(object)));
    }

    @Override
    public void onClosed(ChatUpstream.Link from, int code) {
        synchronized (this) {
            if (link != from) {
                return;
            }
            link = null;
        }
        if (code == UNAUTHORIZED || code == FORBIDDEN) {
            send(new SocketPacket(SocketPacket.Type.DISCONNECT, NAMESPACE, null, null));
        }
        engine.end();
    }

    private void emit(String event, Map<String, Object> data) {
        send(new SocketPacket(
                SocketPacket.Type.EVENT,
                NAMESPACE,
                null,
                json.createArrayNode().add(event).add(json.valueToTree(data))));
    }

    private void send(SocketPacket packet) {
        engine.send(EnginePacket.message(packet.encode(json)));
    }

    private static final class OverBudget extends RuntimeException {

        private final long retryAfter;

        OverBudget(long retryAfter) {
            super(null, null, false, false);
            this.retryAfter = retryAfter;
        }
    }

    private static final class InvalidToken extends RuntimeException {

        InvalidToken(Throwable cause) {
            super(cause);
        }
    }
}
