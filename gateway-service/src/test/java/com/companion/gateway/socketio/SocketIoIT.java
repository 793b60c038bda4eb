package com.companion.gateway.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.gateway.support.Downstream;
import com.companion.gateway.support.Tokens;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Socket.IO through the gateway, spoken by hand (polling requests and raw WebSocket frames), in
 * front of a fake chat-service whose {@code /ws} answers every frame with {@code heard} and
 * closes with the code a {@code close_with} frame names.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gateway.rate-limit.rules.socket.limit=3")
class SocketIoIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final char SEPARATOR = '\u001e';
    private static final FakeChat CHAT = new FakeChat();

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry registry) {
        Downstream.register(registry);
        registry.add("gateway.routes.chat", () -> "http://127.0.0.1:" + CHAT.port());
    }

    @AfterAll
    static void stop() {
        CHAT.server.disposeNow();
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10))
                .build();
        CHAT.upgrades.clear();
        CHAT.frames.clear();
    }

    @Test
    void pollingHandshakeOpensASessionThatMayUpgradeToWebSocket() {
        JsonNode open = handshake();

        assertThat(open.get("sid").asString()).hasSizeGreaterThan(10);
        assertThat(open.get("upgrades").get(0).asString()).isEqualTo("websocket");
        assertThat(open.get("pingInterval").asLong()).isEqualTo(25_000);
        assertThat(open.get("pingTimeout").asLong()).isEqualTo(20_000);
        assertThat(open.get("maxPayload").asLong()).isEqualTo(65_536);
    }

    @Test
    void connectingWithATokenOpensChatServicesSocketWithIt() {
        UUID user = UUID.randomUUID();
        String token = Tokens.valid(user);
        String sid = handshake().get("sid").asString();

        post(sid, "40/chat," + JSON.writeValueAsString(Map.of("token", token)));

        String connected = poll(sid);
        assertThat(connected).startsWith("40/chat,{\"sid\":\"");
        Upgrade upgrade = CHAT.nextUpgrade();
        assertThat(upgrade.uri()).isEqualTo("/ws?access_token=" + token);
        assertThat(upgrade.forwardedFor()).isEqualTo("127.0.0.1");
    }

    @Test
    void eventsBecomeFramesAndFramesBecomeEvents() {
        String sid = connected();

        post(sid, "42/chat,[\"user_message\",{\"session_id\":\"s-1\",\"content\":\"hi\",\"type\":\"spoofed\"}]");

        assertThat(CHAT.nextFrame())
                .isEqualTo(JSON.readTree("{\"type\":\"user_message\",\"session_id\":\"s-1\",\"message\":\"hi\"}"));
        assertThat(poll(sid))
                .isEqualTo("42/chat,[\"heard\",{\"frame\":{\"type\":\"user_message\",\"session_id\":\"s-1\","
                        + "\"message\":\"hi\"}}]");
    }

    @Test
    void anEventAskingForAnAcknowledgementGetsOneOnceForwarded() {
        String sid = connected();

        post(sid, "42/chat,7[\"join_session\",{\"session_id\":\"s-2\"}]");

        assertThat(CHAT.nextFrame()).isEqualTo(JSON.readTree("{\"type\":\"join_session\",\"session_id\":\"s-2\"}"));
        String answer = pollUntil(sid, "heard");
        assertThat(answer).contains("43/chat,7[{\"ok\":true}]");
    }

    @Test
    void aBadTokenGetsAConnectError() {
        String sid = handshake().get("sid").asString();

        post(sid, "40/chat,{\"token\":\"" + Tokens.expired(UUID.randomUUID()) + "\"}");

        assertThat(poll(sid)).isEqualTo("44/chat,{\"message\":\"A valid access token is required.\"}");
        assertThat(CHAT.upgrades).isEmpty();
    }

    @Test
    void aMissingTokenGetsAConnectError() {
        String sid = handshake().get("sid").asString();

        post(sid, "40/chat,");

        assertThat(poll(sid)).isEqualTo("44/chat,{\"message\":\"An access token is required in auth.token.\"}");
    }

    @Test
    void connectionsSpendTheUsersSocketBudget() {
        String token = Tokens.valid(UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            String sid = handshake().get("sid").asString();
            post(sid, "40/chat,{\"token\":\"" + token + "\"}");
            assertThat(poll(sid)).startsWith("40/chat,{\"sid\":");
        }
        String sid = handshake().get("sid").asString();

        post(sid, "40/chat,{\"token\":\"" + token + "\"}");

        JsonNode error = JSON.readTree(poll(sid).substring("44/chat,".length()));
        assertThat(error.get("message").asString()).startsWith("Too many connections");
        assertThat(error.get("data").get("code").asString()).isEqualTo("rate_limited");
        assertThat(error.get("data").get("retry_after").asLong()).isPositive();
    }

    @Test
    void anotherNamespaceIsRefused() {
        String sid = handshake().get("sid").asString();

        post(sid, "40/admin,{\"token\":\"" + Tokens.valid(UUID.randomUUID()) + "\"}");

        assertThat(poll(sid)).isEqualTo("44/admin,{\"message\":\"Invalid namespace\"}");
    }

    @Test
    void chatServiceRefusingTheTokenDisconnectsTheNamespaceAndEndsTheSession() {
        String sid = connected();

        post(sid, "42/chat,[\"close_with\",{\"code\":4401}]");

        assertThat(pollUntil(sid, "1/chat,")).endsWith("41/chat," + SEPARATOR + "1");
        client.get()
                .uri("/socket.io/?EIO=4&transport=polling&sid=" + sid)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo(1);
    }

    @Test
    void chatServiceGoingAwayEndsTheSessionSoTheClientReconnects() {
        String sid = connected();

        post(sid, "42/chat,[\"close_with\",{\"code\":1001}]");

        assertThat(poll(sid)).isEqualTo("1");
        client.get()
                .uri("/socket.io/?EIO=4&transport=polling&sid=" + sid)
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void unknownSessionsVersionsAndBinaryPayloadsAreRefused() {
        client.get()
                .uri("/socket.io/?EIO=4&transport=polling&sid=nope")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo(1);
        client.get()
                .uri("/socket.io/?EIO=3&transport=polling")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo(5);
        String sid = handshake().get("sid").asString();
        client.post()
                .uri("/socket.io/?EIO=4&transport=polling&sid=" + sid)
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("bAQIDBA==")
                .exchange()
                .expectStatus()
                .isBadRequest();
        client.get()
                .uri("/socket.io/?EIO=4&transport=polling&sid=" + sid)
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void aWebSocketOnlyClientConnectsAndTalks() {
        try (RawSocket socket = RawSocket.open(port, null)) {
            JsonNode open = JSON.readTree(socket.next().substring(1));
            assertThat(open.get("upgrades")).isEmpty();

            socket.send("40/chat,{\"token\":\"" + Tokens.valid(UUID.randomUUID()) + "\"}");
            assertThat(socket.next()).startsWith("40/chat,{\"sid\":");
            socket.send("42/chat,[\"typing\",{\"session_id\":\"s-3\"}]");

            assertThat(CHAT.nextFrame()).isEqualTo(JSON.readTree("{\"type\":\"typing\",\"session_id\":\"s-3\"}"));
            assertThat(socket.next())
                    .isEqualTo("42/chat,[\"heard\",{\"frame\":{\"type\":\"typing\",\"session_id\":\"s-3\"}}]");
        }
    }

    @Test
    void aPollingSessionUpgradesToWebSocket() {
        String sid = connected();
        try (RawSocket socket = RawSocket.open(port, sid)) {
            Mono<String> pendingPoll = WebClient.create("http://127.0.0.1:" + port)
                    .get()
                    .uri("/socket.io/?EIO=4&transport=polling&sid=" + sid)
                    .retrieve()
                    .bodyToMono(String.class)
                    .cache();
            Disposable started = pendingPoll.subscribe();

            socket.send("2probe");
            assertThat(socket.next()).isEqualTo("3probe");
            assertThat(pendingPoll.block(Duration.ofSeconds(5))).isEqualTo("6");
            socket.send("5");
            socket.send("42/chat,[\"typing\",{\"session_id\":\"s-4\"}]");

            assertThat(CHAT.nextFrame()).isEqualTo(JSON.readTree("{\"type\":\"typing\",\"session_id\":\"s-4\"}"));
            assertThat(socket.next()).startsWith("42/chat,[\"heard\"");
            client.get()
                    .uri("/socket.io/?EIO=4&transport=polling&sid=" + sid)
                    .exchange()
                    .expectStatus()
                    .isBadRequest();
            started.dispose();
        }
    }

    private JsonNode handshake() {
        String body = client.get()
                .uri("/socket.io/?EIO=4&transport=polling&t=abc")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(body).startsWith("0{");
        return JSON.readTree(body.substring(1));
    }

    private String connected() {
        String sid = handshake().get("sid").asString();
        post(sid, "40/chat,{\"token\":\"" + Tokens.valid(UUID.randomUUID()) + "\"}");
        assertThat(poll(sid)).startsWith("40/chat,");
        CHAT.nextUpgrade();
        return sid;
    }

    private void post(String sid, String payload) {
        client.post()
                .uri("/socket.io/?EIO=4&transport=polling&sid=" + sid)
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue(payload)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo("ok");
    }

    private String poll(String sid) {
        return client.get()
                .uri("/socket.io/?EIO=4&transport=polling&sid=" + sid)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** Polls until the answers so far contain {@code marker}; returns them all. */
    private String pollUntil(String sid, String marker) {
        StringBuilder all = new StringBuilder();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            if (!all.isEmpty()) {
                all.append(SEPARATOR);
            }
            all.append(poll(sid));
            return all.toString().contains(marker);
        });
        return all.toString();
    }

    record Upgrade(String uri, String forwardedFor) {}

    /** chat-service's {@code /ws}, reduced to what the bridge relies on. */
    static final class FakeChat {

        final BlockingQueue<Upgrade> upgrades = new LinkedBlockingQueue<>();
        final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        final DisposableServer server;

        FakeChat() {
            server = HttpServer.create()
                    .bindAddress(() -> new InetSocketAddress("127.0.0.1", 0))
                    .route(routes -> routes.get("/ws", this::upgrade))
                    .bindNow();
        }

        int port() {
            return ((InetSocketAddress) server.address()).getPort();
        }

        private Publisher<Void> upgrade(HttpServerRequest request, HttpServerResponse response) {
            upgrades.add(new Upgrade(request.uri(), request.requestHeaders().get("X-Forwarded-For")));
            return response.sendWebsocket(this::socket);
        }

        private Publisher<Void> socket(WebsocketInbound in, WebsocketOutbound out) {
            Sinks.Many<String> replies = Sinks.many().unicast().onBackpressureBuffer();
            in.receive().asString().subscribe(text -> {
                JsonNode frame = JSON.readTree(text);
                frames.add(frame);
                if ("close_with".equals(frame.path("type").asString())) {
                    out.sendClose(frame.path("code").asInt(), "closing").subscribe();
                    return;
                }
                ObjectNode heard = JSON.createObjectNode().put("type", "heard");
                heard.set("frame", frame);
                replies.tryEmitNext(JSON.writeValueAsString(heard));
            });
            return out.sendString(replies.asFlux());
        }

        Upgrade nextUpgrade() {
            return take(upgrades);
        }

        JsonNode nextFrame() {
            return take(frames);
        }

        private static <T> T take(BlockingQueue<T> queue) {
            try {
                T next = queue.poll(5, TimeUnit.SECONDS);
                assertThat(next).as("expected something from the gateway").isNotNull();
                return next;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A WebSocket to {@code /socket.io/} that sends and receives raw Engine.IO frames. */
    static final class RawSocket implements AutoCloseable {

        private final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();
        private final BlockingQueue<String> incoming = new LinkedBlockingQueue<>();
        private final Disposable connection;

        private RawSocket(int port, String sid) {
            URI uri = URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket"
                    + (sid == null ? "" : "&sid=" + sid));
            connection = new ReactorNettyWebSocketClient()
                    .execute(
                            uri,
                            session -> session.send(outgoing.asFlux().map(session::textMessage))
                                    .and(session.receive()
                                            .map(WebSocketMessage::getPayloadAsText)
                                            .doOnNext(incoming::add)))
                    .subscribe();
        }

        static RawSocket open(int port, String sid) {
            return new RawSocket(port, sid);
        }

        void send(String frame) {
            outgoing.tryEmitNext(frame);
        }

        /** The next frame that is not a heartbeat ping. */
        String next() {
            try {
                String frame;
                do {
                    frame = incoming.poll(5, TimeUnit.SECONDS);
                    assertThat(frame).as("expected a frame").isNotNull();
                } while (frame.equals("2"));
                return frame;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        @Override
        public void close() {
            outgoing.tryEmitComplete();
            connection.dispose();
        }
    }
}
