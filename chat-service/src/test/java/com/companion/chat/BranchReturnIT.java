package com.companion.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.contracts.character.Visibility;
import com.companion.contracts.chat.MessageRequested;
import com.companion.platform.test.IntegrationTest;
import com.companion.platform.test.TestJwks;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API.md: a select switches to the alternative "and, below it, to the branch last written to". Going back
 * to a branch shows it as the user left it: the reply last selected, edited in place or continued there,
 * not the one generated last. Same properties as {@link ChatControlsIT}, so the two share one application
 * context; the worker and ad-service are played by {@link ChatFixtures}.
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
class BranchReturnIT {

    static final ChatFixtures fixtures = new ChatFixtures();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RestTestClient http;

    @AfterAll
    static void close() {
        fixtures.close();
    }

    @Test
    void aReplySelectedAndThenEditedInPlaceIsWhereTheOldBranchResumes() {
        UUID user = fixtures.user(true);
        UUID session = session(user);
        Set<UUID> seen = new HashSet<>();
        JsonNode first = answered(user, session, "/chat/send", send(session, "Hello"), seen, "R0", 1);
        UUID userMessage = fixtures.awaitRequest(session, "Hello").userMessageId();
        UUID r0 = UUID.fromString(first.path("message_id").asString());
        answered(user, session, "/chat/regenerate", body(session), seen, "R1", 2);
        assertThat(top(user, session).path("content").asString()).isEqualTo("R1");

        select(user, session, r0, 0);
        assertThat(top(user, session).path("id").asString()).isEqualTo(r0.toString());
        JsonNode edited = exchange(
                user,
                HttpMethod.PUT,
                "/sessions/" + session + "/messages/" + r0,
                "{\"content\":\"R0 edited by user\"}",
                200);
        assertThat(edited.path("id").asString()).isEqualTo(r0.toString());

        answered(
                user,
                session,
                "PUT /sessions/" + session + "/messages/" + userMessage,
                "{\"content\":\"Hello again\"}",
                seen,
                "R2",
                3);
        assertThat(path(user, session)).containsExactly("R2", "Hello again");

        select(user, session, userMessage, 0);
        JsonNode reply = top(user, session);
        assertThat(path(user, session))
                .as("the reply active there when the user left, and the one written to last")
                .containsExactly("R0 edited by user", "Hello");
        assertThat(reply.path("id").asString()).isEqualTo(r0.toString());
        assertThat(reply.path("alternative_index").asInt()).isZero();
        assertThat(reply.path("alternative_count").asInt()).isEqualTo(3);
    }

    @Test
    void aReplySelectedAndThenContinuedIsWhereTheOldBranchResumes() {
        UUID user = fixtures.user(true);
        UUID session = session(user);
        Set<UUID> seen = new HashSet<>();
        JsonNode first = answered(user, session, "/chat/send", send(session, "Hello"), seen, "R0", 1);
        UUID userMessage = fixtures.awaitRequest(session, "Hello").userMessageId();
        UUID r0 = UUID.fromString(first.path("message_id").asString());
        answered(user, session, "/chat/regenerate", body(session), seen, "R1", 2);
        select(user, session, r0, 0);
        answered(user, session, "/chat/continue", body(session), seen, "and more", 3);
        answered(
                user,
                session,
                "PUT /sessions/" + session + "/messages/" + userMessage,
                "{\"content\":\"Hello again\"}",
                seen,
                "R2",
                4);

        select(user, session, userMessage, 0);
        assertThat(path(user, session)).containsExactly("R0 and more", "Hello");
    }

    @Test
    void aReplyOnlySelectedIsWhereTheOldBranchResumes() {
        UUID user = fixtures.user(true);
        UUID session = session(user);
        Set<UUID> seen = new HashSet<>();
        JsonNode first = answered(user, session, "/chat/send", send(session, "Hello"), seen, "R0", 1);
        UUID userMessage = fixtures.awaitRequest(session, "Hello").userMessageId();
        UUID r0 = UUID.fromString(first.path("message_id").asString());
        answered(user, session, "/chat/regenerate", body(session), seen, "R1", 2);
        select(user, session, r0, 0);
        answered(
                user,
                session,
                "PUT /sessions/" + session + "/messages/" + userMessage,
                "{\"content\":\"Hello again\"}",
                seen,
                "R2",
                3);

        select(user, session, userMessage, 0);
        assertThat(path(user, session)).containsExactly("R0", "Hello");
        select(user, session, userMessage, 1);
        assertThat(path(user, session)).containsExactly("R2", "Hello again");
    }

    @Test
    void aReplyEditedInPlaceOffTheActivePathIsTheBranchLastWrittenTo() {
        UUID user = fixtures.user(true);
        UUID session = session(user);
        Set<UUID> seen = new HashSet<>();
        JsonNode first = answered(user, session, "/chat/send", send(session, "Hello"), seen, "R0", 1);
        UUID userMessage = fixtures.awaitRequest(session, "Hello").userMessageId();
        UUID r0 = UUID.fromString(first.path("message_id").asString());
        answered(user, session, "/chat/regenerate", body(session), seen, "R1", 2);
        answered(
                user,
                session,
                "PUT /sessions/" + session + "/messages/" + userMessage,
                "{\"content\":\"Hello again\"}",
                seen,
                "R2",
                3);

        exchange(
                user,
                HttpMethod.PUT,
                "/sessions/" + session + "/messages/" + r0,
                "{\"content\":\"R0 edited by user\"}",
                200);
        assertThat(path(user, session))
                .as("an edit in place leaves the active path where it is")
                .containsExactly("R2", "Hello again");

        select(user, session, userMessage, 0);
        assertThat(path(user, session)).containsExactly("R0 edited by user", "Hello");
    }

    @Test
    void aPathShortenedByADeleteIsWhereTheOldBranchResumes() {
        UUID user = fixtures.user(true);
        UUID session = session(user);
        Set<UUID> seen = new HashSet<>();
        answered(user, session, "/chat/send", send(session, "Hello"), seen, "R0", 1);
        UUID userMessage = fixtures.awaitRequest(session, "Hello").userMessageId();
        answered(user, session, "/chat/send", send(session, "More"), seen, "R1", 2);
        JsonNode regenerated = answered(user, session, "/chat/regenerate", body(session), seen, "R1b", 3);
        http.delete()
                .uri("/sessions/" + session + "/messages/"
                        + regenerated.path("message_id").asString())
                .header(HttpHeaders.AUTHORIZATION, bearer(user))
                .exchange()
                .expectStatus()
                .isNoContent();
        assertThat(path(user, session)).containsExactly("More", "R0", "Hello");
        answered(
                user,
                session,
                "PUT /sessions/" + session + "/messages/" + userMessage,
                "{\"content\":\"Hello again\"}",
                seen,
                "R2",
                4);

        select(user, session, userMessage, 0);
        assertThat(path(user, session)).containsExactly("More", "R0", "Hello");
    }

    // ---- helpers ----

    /**
     * Calls {@code target} ("/chat/send", "/chat/regenerate", "/chat/continue" or "PUT path") and answers the
     * request it makes as the worker and ad-service would; returns the answer.
     */
    private JsonNode answered(
            UUID user, UUID session, String target, String body, Set<UUID> seen, String reply, long adCounter) {
        CompletableFuture<JsonNode> sent = CompletableFuture.supplyAsync(() -> target.startsWith("PUT ")
                ? exchange(user, HttpMethod.PUT, target.substring(4), body, 200)
                : exchange(user, HttpMethod.POST, target, body, 200));
        MessageRequested request = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> fixtures.requestsFor(session).stream()
                                .filter(r -> !seen.contains(r.requestId()))
                                .findFirst()
                                .orElse(null),
                        r -> r != null);
        seen.add(request.requestId());
        fixtures.reply(request, reply);
        fixtures.decide(request, adCounter, false);
        return sent.join();
    }

    private void select(UUID user, UUID session, UUID message, int index) {
        exchange(
                user,
                HttpMethod.POST,
                "/sessions/" + session + "/messages/" + message + "/select",
                "{\"alternative_index\":" + index + "}",
                200);
    }

    /** The active path's contents, newest first. */
    private List<String> path(UUID user, UUID session) {
        return history(user, session)
                .valueStream()
                .map(m -> m.path("content").asString())
                .toList();
    }

    private JsonNode top(UUID user, UUID session) {
        return history(user, session).get(0);
    }

    private JsonNode history(UUID user, UUID session) {
        return JSON.readTree(http.get()
                        .uri("/sessions/" + session + "/history")
                        .header(HttpHeaders.AUTHORIZATION, bearer(user))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBody())
                .path("items");
    }

    private UUID session(UUID user) {
        UUID character = fixtures.character(user, Visibility.PRIVATE, false);
        JsonNode created = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            byte[] answer = http.post()
                                    .uri("/sessions")
                                    .header(HttpHeaders.AUTHORIZATION, bearer(user))
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .body("{\"character_id\":\"" + character + "\"}")
                                    .exchange()
                                    .returnResult(byte[].class)
                                    .getResponseBody();
                            JsonNode node = answer == null ? null : JSON.readTree(answer);
                            return node != null && node.has("id") ? node : null;
                        },
                        n -> n != null);
        return UUID.fromString(created.path("id").asString());
    }

    private JsonNode exchange(UUID user, HttpMethod method, String path, String body, int expectedStatus) {
        byte[] answer = http.method(method)
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(user))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isEqualTo(expectedStatus)
                .expectBody()
                .returnResult()
                .getResponseBody();
        return JSON.readTree(answer == null ? "null".getBytes() : answer);
    }

    private static String send(UUID session, String message) {
        return "{\"session_id\":\"" + session + "\",\"message\":\"" + message + "\"}";
    }

    private static String body(UUID session) {
        return "{\"session_id\":\"" + session + "\"}";
    }

    private static String bearer(UUID user) {
        return "Bearer " + TestJwks.shared().token(user, "free", true);
    }
}
