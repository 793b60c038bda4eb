package com.companion.chat.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.chat.ChatFixtures;
import com.companion.contracts.auth.SessionRevoked;
import com.companion.contracts.character.Visibility;
import com.companion.platform.test.IntegrationTest;
import com.companion.platform.test.TestJwks;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /sessions} problems as API.md names them. Same properties as {@code ChatPipelineIT}, so they share one
 * application context.
 */
@IntegrationTest(
        properties = {
            "chat.send-wait=5s",
            "chat.read-model-wait=2s",
            "chat.socket.frame-burst=500",
            "chat.ad-wait=1500ms",
            "chat.ad-wait-max=1500ms",
            "chat.sends-per-minute=6"
        })
@AutoConfigureRestTestClient
class SessionControllerIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final ChatFixtures fixtures = new ChatFixtures();

    @Autowired
    RestTestClient http;

    @AfterAll
    static void close() {
        fixtures.close();
    }

    @Test
    void anEmptyOrBlankTitleIsAValidationProblemNamingTitleAndChangesNothing() {
        UUID user = fixtures.user(true);
        UUID character = fixtures.character(user, Visibility.PRIVATE, false);
        JsonNode session = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> json(exchange(
                                user,
                                HttpMethod.POST,
                                "/sessions",
                                Map.of("character_id", character.toString(), "title", "Stargazing"))),
                        node -> node.has("id"));
        String path = "/sessions/" + session.path("id").asString();

        for (String title : new String[] {"", "   "}) {
            EntityExchangeResult<byte[]> refused = exchange(user, HttpMethod.PATCH, path, Map.of("title", title));
            assertThat(refused.getStatus().value()).isEqualTo(400);
            JsonNode problem = json(refused);
            assertThat(problem.path("type").asString()).isEqualTo("/problems/validation");
            assertThat(problem.path("errors")).hasSize(1);
            assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("title");
            assertThat(problem.path("errors").get(0).path("message").asString()).isNotBlank();
        }
        EntityExchangeResult<byte[]> tooLong = exchange(user, HttpMethod.PATCH, path, Map.of("title", "t".repeat(121)));
        assertThat(json(tooLong).path("errors").get(0).path("field").asString()).isEqualTo("title");

        JsonNode unchanged = json(exchange(user, HttpMethod.GET, path, null));
        assertThat(unchanged.path("title").asString()).isEqualTo("Stargazing");
    }

    @Test
    void aNewSessionAnswers201WithItsLocation() {
        UUID user = fixtures.user(true);
        UUID character = fixtures.character(user, Visibility.PRIVATE, false);
        EntityExchangeResult<byte[]> created = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> exchange(
                                user, HttpMethod.POST, "/sessions", Map.of("character_id", character.toString())),
                        result -> result.getStatus().value() == 201);
        assertThat(created.getResponseHeaders().getLocation())
                .hasToString("/sessions/" + json(created).path("id").asString());
    }

    @Test
    void aSignedOutDeviceIsRefusedOverHttpAtOnceWhileTheUsersOtherDevicesGoOn() {
        UUID user = fixtures.user(true);
        UUID phone = UUID.randomUUID();
        UUID laptop = UUID.randomUUID();
        String phoneToken = TestJwks.shared().tokenOfSession(user, phone);
        String laptopToken = TestJwks.shared().tokenOfSession(user, laptop);
        assertThat(exchange(phoneToken, HttpMethod.GET, "/sessions", null)
                        .getStatus()
                        .value())
                .isEqualTo(200);

        fixtures.publish(new SessionRevoked(user, phone, "logout", Instant.now()));

        EntityExchangeResult<byte[]> refused = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> exchange(phoneToken, HttpMethod.GET, "/sessions", null),
                        result -> result.getStatus().value() != 200);
        assertThat(refused.getStatus().value()).isEqualTo(401);
        JsonNode problem = json(refused);
        assertThat(problem.path("type").asString()).isEqualTo("/problems/session-ended");
        assertThat(problem.path("detail").asString()).contains("signed out on this device");
        assertThat(problem.path("instance").asString()).isEqualTo("/sessions");
        // Every authenticated endpoint, whatever its body or parameters.
        assertThat(exchange(phoneToken, HttpMethod.GET, "/chat/usage", null)
                        .getStatus()
                        .value())
                .isEqualTo(401);
        EntityExchangeResult<byte[]> send = exchange(
                phoneToken,
                HttpMethod.POST,
                "/chat/send",
                Map.of("session_id", UUID.randomUUID().toString(), "message", "still here?"));
        assertThat(send.getStatus().value()).isEqualTo(401);
        assertThat(json(send).path("type").asString()).isEqualTo("/problems/session-ended");
        assertThat(exchange(phoneToken, HttpMethod.GET, "/sessions?limit=0", null)
                        .getStatus()
                        .value())
                .isEqualTo(401);

        assertThat(exchange(laptopToken, HttpMethod.GET, "/sessions", null)
                        .getStatus()
                        .value())
                .as("the user's other device is still signed in")
                .isEqualTo(200);
    }

    private EntityExchangeResult<byte[]> exchange(UUID user, HttpMethod method, String path, Object body) {
        return exchange(TestJwks.shared().token(user, "free", true), method, path, body);
    }

    private EntityExchangeResult<byte[]> exchange(String token, HttpMethod method, String path, Object body) {
        RestTestClient.RequestBodySpec request =
                http.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        return (body == null
                        ? request
                        : request.contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body)))
                .exchange()
                .returnResult(byte[].class);
    }

    private static JsonNode json(EntityExchangeResult<byte[]> result) {
        return JSON.readTree(result.getResponseBody());
    }
}
