package com.companion.chat.socket;

import com.companion.chat.access.AccessPolicy;
import com.companion.chat.push.ReplyHub;
import com.companion.chat.request.OutcomeView;
import com.companion.chat.request.Requests;
import com.companion.chat.send.ReplyRegistration;
import com.companion.chat.send.SendService;
import com.companion.chat.session.SessionRepository;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.security.AuthenticatedUser;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code /ws} conversation: what each client frame does. A socket authenticates with {@code
 * ?access_token=} or a first {@code {type: auth, access_token}} frame ({@link SocketAuthenticator}),
 * joins sessions it owns, and is sent frames only for those sessions ({@link Socket}). Joining
 * again after being away replays where the latest request stands. Every frame, whatever its type,
 * spends the socket's frame budget (past it the frame is dropped with a {@code rate_limited} error);
 * frames larger than {@code max-frame-bytes} close the socket (1009, by the container). Sockets that
 * may no longer stay are closed by {@link SocketRegistry}'s sweep.
 */
@Component
class ChatSocketHandler extends TextWebSocketHandler {

    private final SocketAuthenticator authenticator;
    private final SocketRegistry registry;
    private final SessionRepository sessions;
    private final Requests requests;
    private final SendService sends;
    private final ReplyHub hub;
    private final JsonMapper json;
    private final SocketProperties properties;
    private final ReplyRegistration registrations;
    private final AccessPolicy access;

    ChatSocketHandler(
            SocketAuthenticator authenticator,
            SocketRegistry registry,
            SessionRepository sessions,
            Requests requests,
            SendService sends,
            ReplyHub hub,
            JsonMapper json,
            SocketProperties properties,
            ReplyRegistration registrations,
            AccessPolicy access) {
        this.registrations = registrations;
        this.access = access;
        this.authenticator = authenticator;
        this.registry = registry;
        this.sessions = sessions;
        this.requests = requests;
        this.sends = sends;
        this.hub = hub;
        this.json = json;
        this.properties = properties;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession ws) {
        Socket socket = new Socket(ws, json, properties);
        registry.add(socket);
        String token = socket.upgradeToken();
        if (token != null && !authenticator.authenticate(socket, token)) {
            socket.close(SocketRegistry.UNAUTHORIZED);
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession ws, TextMessage message) {
        Socket socket = registry.get(ws.getId());
        if (socket == null) {
            return;
        }
        JsonNode frame = Frames.parse(json, message.getPayload());
        if (!socket.takeFrame()) {
            String clientId = frame == null ? null : Frames.text(frame, "client_id");
            socket.send(Frames.error("rate_limited", "Too many frames; slow down.", clientId));
            return;
        }
        if (frame == null) {
            socket.send(Frames.error("bad_frame", "Frames are JSON objects with a type.", null));
            return;
        }
        String type = frame.path("type").asString("");
        Socket.Identity identity = socket.identity();
        if (identity == null) {
            if ("auth".equals(type)) {
                authenticate(socket, frame.path("access_token").asString(""));
            } else {
                socket.close(SocketRegistry.UNAUTHORIZED);
            }
            return;
        }
        if (identity.expired(Instant.now())) {
            socket.send(Frames.error("token_expired", "Your session expired; reconnect with a fresh token.", null));
            socket.close(SocketRegistry.UNAUTHORIZED);
            return;
        }
        switch (type) {
            case "auth" -> authenticate(socket, frame.path("access_token").asString(""));
            case "join_session" -> join(socket, Frames.uuid(frame, "session_id"));
            case "user_message" -> userMessage(socket, frame);
            case "regenerate" -> regenerate(socket, frame);
            case "continue" -> submit(socket, frame, sends::continueReply);
            case "typing" -> typing(socket, Frames.uuid(frame, "session_id"));
            default -> socket.send(Frames.error("unknown_type", "Unknown frame type '" + type + "'.", null));
        }
    }

    /**
     * A first token or a renewed one: answered {@code authenticated}; one that does not authenticate (invalid, expired,
     * or, on a signed-in socket, another user's) closes the socket, rather than leaving a renewing client believing it
     * renewed.
     */
    private void authenticate(Socket socket, String token) {
        if (authenticator.authenticate(socket, token)) {
            socket.send(Map.of("type", "authenticated", "user_id", socket.user().userId()));
        } else {
            socket.close(SocketRegistry.UNAUTHORIZED);
        }
    }

    private void join(Socket socket, UUID sessionId) {
        if (sessionId == null
                || sessions.findOwned(
                                sessionId,
                                socket.user().userId(),
                                access.caller(socket.user()).adult())
                        .isEmpty()) {
            socket.send(Frames.error("not_found", "No such session.", null));
            return;
        }
        if (socket.join(sessionId)) {
            hub.join(sessionId, socket);
        }
        socket.send(Frames.frame("presence", sessionId, Map.of("joined", true)));
        requests.latest(sessionId).ifPresent(latest -> {
            if (latest.finished()) {
                socket.send(OutcomeView.socketFrame(latest));
            } else {
                hub.chunksSoFar(latest.requestId()).forEach(socket::chunk);
            }
        });
    }

    private void userMessage(Socket socket, JsonNode frame) {
        JsonNode value = frame.path("message");
        if (!value.isMissingNode() && !value.isNull() && !value.isString()) {
            // As over HTTP, a number, a boolean, an object or a list is not a message: never sent as its text.
            socket.send(Frames.error("bad_frame", "message must be a string.", Frames.text(frame, "client_id")));
            return;
        }
        String message = value.asString("");
        submit(socket, frame, (user, sessionId, registered) -> sends.send(user, sessionId, message, registered));
    }

    private void regenerate(Socket socket, JsonNode frame) {
        submit(socket, frame, sends::regenerate);
    }

    private interface Submission {
        SendService.Accepted submit(AuthenticatedUser user, UUID sessionId, Consumer<SendService.Accepted> registered);
    }

    /** A frame that asks for a reply: a {@code typing} frame acknowledges it, then the reply streams. */
    private void submit(Socket socket, JsonNode frame, Submission submission) {
        UUID sessionId = Frames.uuid(frame, "session_id");
        String clientId = Frames.text(frame, "client_id");
        if (sessionId == null) {
            socket.send(Frames.error("bad_frame", "session_id is required.", clientId));
            return;
        }
        if (!socket.joined(sessionId)) {
            join(socket, sessionId);
            if (!socket.joined(sessionId)) {
                return;
            }
        }
        try {
            SendService.Accepted accepted = registrations
                    .submit(registered -> submission.submit(socket.user(), sessionId, registered), null)
                    .accepted();
            Map<String, Object> typing = new LinkedHashMap<>();
            typing.put("request_id", accepted.requestId());
            typing.put("message_id", accepted.userMessageId());
            typing.put("from", "assistant");
            if (clientId != null) {
                typing.put("client_id", clientId);
            }
            socket.send(Frames.frame("typing", sessionId, typing));
        } catch (ApiProblem problem) {
            Map<String, Object> error = Frames.error(problem.slug().replace('-', '_'), problem.getMessage(), clientId);
            // As over HTTP: what the client needs to act on it (support for a self-harm refusal, the policy,
            // retry_after and resets_at of a quota).
            problem.properties().forEach(error::putIfAbsent);
            socket.send(error);
        }
    }

    private void typing(Socket socket, UUID sessionId) {
        if (sessionId == null || !socket.joined(sessionId)) {
            return;
        }
        registry.othersIn(sessionId, socket)
                .forEach(other -> other.send(Frames.frame("typing", sessionId, Map.of("from", "user"))));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession ws, CloseStatus status) {
        registry.remove(ws.getId());
    }
}
