package com.companion.chat.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.chat.ChatFixtures;
import com.companion.contracts.character.Visibility;
import com.companion.platform.test.IntegrationTest;
import com.companion.platform.test.TestJwks;
import java.time.Duration;
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

    private EntityExchangeResult<byte[]> exchange(UUID user, HttpMethod method, String path, Object body) {
        RestTestClient.RequestBodySpec request = http.method(method)
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestJwks.shared().token(user, "free", true));
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
