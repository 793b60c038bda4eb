package com.companion.gateway.socketio;

import com.companion.gateway.web.ClientAddressFilter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Engine.IO v4 at {@code /socket.io/}: the polling handshake ({@code GET ?EIO=4&transport=polling}),
 * polling {@code GET}s and {@code POST}s of a session, and WebSocket connections, either upgrading
 * a polling session ({@code 2probe}, {@code 3probe}, {@code 5}) or opening one directly. Errors
 * answer 400 with Engine.IO's {@code {code, message}}; a protocol violation ends the session.
 */
final class SocketIoHandler implements WebHandler {

    private static final Logger log = LoggerFactory.getLogger(SocketIoHandler.class);

    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final EngineSessions sessions;
    private final SocketIoProperties properties;
    private final WebSocketService webSockets;
    private final JsonMapper json;
    private final BiFunction<EngineSession, String, EngineSession.Listener> namespace;

    SocketIoHandler(
            EngineSessions sessions,
            SocketIoProperties properties,
            WebSocketService webSockets,
            JsonMapper json,
            BiFunction<EngineSession, String, EngineSession.Listener> namespace) {
        this.sessions = sessions;
        this.properties = properties;
        this.webSockets = webSockets;
        this.json = json;
        this.namespace = namespace;
    }

    private enum Failure {
        UNKNOWN_TRANSPORT(0, "Transport unknown"),
        UNKNOWN_SESSION(1, "Session ID unknown"),
        BAD_HANDSHAKE_METHOD(2, "Bad handshake method"),
        BAD_REQUEST(3, "Bad request"),
        UNSUPPORTED_VERSION(5, "Unsupported protocol version");

        private final int code;
        private final String message;

        Failure(int code, String message) {
            this.code = code;
            this.message = message;
        }
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange) {
        MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
        if (!"4".equals(query.getFirst("EIO"))) {
            return fail(exchange, Failure.UNSUPPORTED_VERSION);
        }
        String transport = query.getFirst("transport");
        String sid = query.getFirst("sid");
        HttpMethod method = exchange.getRequest().getMethod();
        if ("websocket".equals(transport)) {
            return method == HttpMethod.GET ? webSocket(exchange, sid) : fail(exchange, Failure.BAD_HANDSHAKE_METHOD);
        }
        if (!"polling".equals(transport)) {
            return fail(exchange, Failure.UNKNOWN_TRANSPORT);
        }
        if (sid == null) {
            return method == HttpMethod.GET ? pollingHandshake(exchange) : fail(exchange, Failure.BAD_HANDSHAKE_METHOD);
        }
        EngineSession session = sessions.get(sid);
        if (session == null) {
            return fail(exchange, Failure.UNKNOWN_SESSION);
        }
        if (method == HttpMethod.GET) {
            return session.poll()
                    .flatMap(payload -> write(exchange, HttpStatus.OK, payload))
                    .onErrorResume(ProtocolException.class, e -> fail(exchange, Failure.BAD_REQUEST));
        }
        if (method == HttpMethod.POST) {
            return post(exchange, session);
        }
        return fail(exchange, Failure.BAD_REQUEST);
    }

    private Mono<Void> pollingHandshake(ServerWebExchange exchange) {
        EngineSession session = open(exchange, EngineSession.Transport.POLLING);
        if (session == null) {
            return tooMany(exchange);
        }
        // Pinged like a WebSocket-only session, over polling and on after an upgrade: a client that hears no ping
        // within pingInterval + pingTimeout drops the connection and reconnects.
        session.startHeartbeat();
        return write(exchange, HttpStatus.OK, openPacket(session, List.of("websocket")));
    }

    private Mono<Void> post(ServerWebExchange exchange, EngineSession session) {
        return DataBufferUtils.join(exchange.getRequest().getBody(), properties.maxPayload())
                .map(buffer -> {
                    try {
                        return buffer.toString(StandardCharsets.UTF_8);
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty("")
                .flatMap(body -> {
                    if (isBinary(exchange)) {
                        throw new ProtocolException("binary payloads are not supported");
                    }
                    session.post(body);
                    return write(exchange, HttpStatus.OK, "ok");
                })
                .onErrorResume(DataBufferLimitException.class, e -> {
                    session.terminate();
                    return write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "");
                })
                .onErrorResume(ProtocolException.class, e -> {
                    log.debug("Socket.IO session {} broke the protocol: {}", session.id(), e.getMessage());
                    session.terminate();
                    return fail(exchange, Failure.BAD_REQUEST);
                });
    }

    private static boolean isBinary(ServerWebExchange exchange) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        return type != null && type.isCompatibleWith(MediaType.APPLICATION_OCTET_STREAM);
    }

    private Mono<Void> webSocket(ServerWebExchange exchange, String sid) {
        if (sid == null) {
            EngineSession session = open(exchange, EngineSession.Transport.WEBSOCKET);
            if (session == null) {
                return tooMany(exchange);
            }
            return webSockets.handleRequest(exchange, ws -> direct(ws, session)).doOnError(e -> session.terminate());
        }
        EngineSession session = sessions.get(sid);
        if (session == null) {
            return fail(exchange, Failure.UNKNOWN_SESSION);
        }
        if (session.transport() != EngineSession.Transport.POLLING) {
            return fail(exchange, Failure.BAD_REQUEST);
        }
        return webSockets.handleRequest(exchange, ws -> upgrade(ws, session));
    }

    private EngineSession open(ServerWebExchange exchange, EngineSession.Transport transport) {
        EngineSession session = sessions.open(ClientAddressFilter.clientAddress(exchange), transport);
        if (session != null) {
            String scheme = exchange.getRequest().getURI().getScheme();
            session.listen(namespace.apply(session, "https".equals(scheme) || "wss".equals(scheme) ? "https" : "http"));
        }
        return session;
    }

    /** A WebSocket-only session: the open packet is its first frame. */
    private Mono<Void> direct(WebSocketSession ws, EngineSession session) {
        Sinks.Many<String> out = outbound();
        out.tryEmitNext(openPacket(session, List.of()));
        session.attachSocket(out);
        session.startHeartbeat();
        Mono<Void> input = ws.receive()
                .doOnNext(message -> session.receive(decode(message)))
                .then()
                .onErrorResume(ProtocolException.class, e -> {
                    log.debug("Socket.IO session {} broke the protocol: {}", session.id(), e.getMessage());
                    return Mono.empty();
                })
                .doFinally(signal -> session.socketClosed(out));
        return carry(ws, out, input);
    }

    /** The WebSocket a polling session upgrades to: probed, then switched to with {@code upgrade}. */
    private Mono<Void> upgrade(WebSocketSession ws, EngineSession session) {
        Sinks.Many<String> out = outbound();
        AtomicBoolean upgraded = new AtomicBoolean();
        Mono<Void> input = ws.receive()
                .doOnNext(message -> {
                    EnginePacket packet = decode(message);
                    if (upgraded.get()) {
                        session.receive(packet);
                    } else if (packet.type() == EnginePacket.Type.PING && "probe".equals(packet.data())) {
                        if (!session.beginUpgrade()) {
                            throw new ProtocolException("the session cannot upgrade now");
                        }
                        out.tryEmitNext(new EnginePacket(EnginePacket.Type.PONG, "probe").encode());
                    } else if (packet.type() == EnginePacket.Type.UPGRADE) {
                        if (!session.completeUpgrade(out)) {
                            throw new ProtocolException("upgrade without a probe");
                        }
                        upgraded.set(true);
                    } else {
                        throw new ProtocolException("expected the upgrade probe");
                    }
                })
                .then()
                .onErrorResume(ProtocolException.class, e -> {
                    log.debug("Socket.IO session {} broke the protocol: {}", session.id(), e.getMessage());
                    if (upgraded.get()) {
                        session.terminate();
                    }
                    return Mono.empty();
                })
                .doFinally(signal -> {
                    if (upgraded.get()) {
                        session.socketClosed(out);
                    } else {
                        session.abortUpgrade();
                        out.tryEmitComplete();
                    }
                });
        return carry(ws, out, input);
    }

    private static Mono<Void> carry(WebSocketSession ws, Sinks.Many<String> out, Mono<Void> input) {
        Mono<Void> output = ws.send(out.asFlux().map(ws::textMessage)).then(Mono.defer(ws::close));
        return Mono.when(input.doFinally(signal -> out.tryEmitComplete()), output);
    }

    private Sinks.Many<String> outbound() {
        return Sinks.many()
                .unicast()
                .onBackpressureBuffer(
                        Queues.<String>get(properties.maxBufferedPackets()).get());
    }

    private static EnginePacket decode(WebSocketMessage message) {
        if (message.getType() == WebSocketMessage.Type.BINARY) {
            throw new ProtocolException("binary frames are not supported");
        }
        return EnginePacket.decode(message.getPayloadAsText());
    }

    private String openPacket(EngineSession session, List<String> upgrades) {
        ObjectNode handshake = json.createObjectNode();
        handshake.put("sid", session.id());
        handshake.set("upgrades", json.valueToTree(upgrades));
        handshake.put("pingInterval", properties.pingInterval().toMillis());
        handshake.put("pingTimeout", properties.pingTimeout().toMillis());
        handshake.put("maxPayload", properties.maxPayload());
        return new EnginePacket(EnginePacket.Type.OPEN, json.writeValueAsString(handshake)).encode();
    }

    private Mono<Void> tooMany(ServerWebExchange exchange) {
        ObjectNode body = json.createObjectNode().put("code", 3).put("message", "Too many sessions");
        return write(
                exchange, HttpStatus.SERVICE_UNAVAILABLE, MediaType.APPLICATION_JSON, json.writeValueAsString(body));
    }

    private Mono<Void> fail(ServerWebExchange exchange, Failure failure) {
        ObjectNode body = json.createObjectNode().put("code", failure.code).put("message", failure.message);
        return write(exchange, HttpStatus.BAD_REQUEST, MediaType.APPLICATION_JSON, json.writeValueAsString(body));
    }

    private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String body) {
        return write(exchange, status, TEXT, body);
    }

    private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, MediaType type, String body) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(type);
        response.getHeaders().setCacheControl("no-store");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
