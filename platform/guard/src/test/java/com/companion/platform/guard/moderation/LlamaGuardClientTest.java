package com.companion.platform.guard.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.companion.platform.guard.Category;
import com.companion.platform.guard.GuardContext;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Against a local HTTP stub speaking Together's chat-completions shape. */
class LlamaGuardClientTest {

    private HttpServer server;
    private final AtomicReference<String> requestBody = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String answer = "safe";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            requestBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            String body = status == 200
                    ? "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
                            + "{\"role\":\"assistant\",\"content\":"
                            + JsonMapper.builder().build().writeValueAsString(answer)
                            + "},\"finish_reason\":\"stop\"}]}"
                    : "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private LlamaGuardClient client() {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        return new LlamaGuardClient(
                HttpClient.newHttpClient(), base, "test-key", "meta-llama/Llama-Guard-4-12B", Duration.ofSeconds(5));
    }

    @Test
    void sendsAnInputAsTheUserTurnWithTheBearerKey() throws Exception {
        ModerationResult result =
                client().classify("hello", GuardContext.input(true, false)).get(5, TimeUnit.SECONDS);
        assertThat(result.safe()).isTrue();
        assertThat(authorization.get()).isEqualTo("Bearer test-key");
        JsonNode body = JsonMapper.builder().build().readTree(requestBody.get());
        assertThat(body.path("model").asString()).isEqualTo("meta-llama/Llama-Guard-4-12B");
        assertThat(body.path("messages")).hasSize(1);
        assertThat(body.path("messages").path(0).path("role").asString()).isEqualTo("user");
        assertThat(body.path("messages").path(0).path("content").asString()).isEqualTo("hello");
    }

    @Test
    void sendsAnOutputAsTheAssistantTurnAfterTheUserTurn() throws Exception {
        client().classify("the reply", GuardContext.output(true, true, "the question"))
                .get(5, TimeUnit.SECONDS);
        JsonNode messages =
                JsonMapper.builder().build().readTree(requestBody.get()).path("messages");
        assertThat(messages.path(0).path("content").asString()).isEqualTo("the question");
        assertThat(messages.path(1).path("role").asString()).isEqualTo("assistant");
        assertThat(messages.path(1).path("content").asString()).isEqualTo("the reply");
    }

    @Test
    void readsUnsafeCategories() throws Exception {
        answer = "unsafe\nS4,S12";
        ModerationResult result =
                client().classify("x", GuardContext.input(true, true)).get(5, TimeUnit.SECONDS);
        assertThat(result.categories()).containsExactly(Category.S4, Category.S12);
    }

    @Test
    void anHttpErrorIsAFailedFutureNeverSafe() {
        status = 503;
        assertThatThrownBy(() ->
                        client().classify("x", GuardContext.input(true, true)).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ModerationException.class);
    }

    @Test
    void doesNotRevealTheKey() {
        assertThat(client().toString()).doesNotContain("test-key");
    }
}
