package com.companion.chat;

import static org.awaitility.Awaitility.await;

import com.companion.platform.test.TestJwks;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** chat-service's HTTP API as a signed-in caller (an adult on the free plan, with the given roles) uses it. */
final class ChatApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestTestClient http;

    ChatApi(RestTestClient http) {
        this.http = http;
    }

    static String bearer(UUID user, String... roles) {
        return "Bearer " + TestJwks.shared().token(user, "free", true, roles);
    }

    /** POSTs {@code body} as JSON; the answer's body, whatever its status (a problem has {@code status}, {@code type}). */
    JsonNode post(UUID user, String path, Object body, String... roles) {
        return JSON.readTree(
                postSpec(user, path, body, roles).returnResult(byte[].class).getResponseBody());
    }

    /** POSTs {@code body} as JSON; the answer's status. */
    int status(UUID user, String path, Object body, String... roles) {
        return postSpec(user, path, body, roles)
                .returnResult(byte[].class)
                .getStatus()
                .value();
    }

    /** GETs {@code path}, which must answer 200. */
    JsonNode get(UUID user, String path, String... roles) {
        return JSON.readTree(http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(user, roles))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
    }

    /** A new session of {@code user} with {@code character}, once chat-service knows both. */
    UUID session(UUID user, UUID character) {
        JsonNode created = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> post(user, "/sessions", Map.of("character_id", character.toString())),
                        node -> node.has("id"));
        return UUID.fromString(created.path("id").asString());
    }

    private RestTestClient.ResponseSpec postSpec(UUID user, String path, Object body, String... roles) {
        return http.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(user, roles))
                .contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(body))
                .exchange();
    }
}
