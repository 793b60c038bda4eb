package com.companion.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.contracts.character.PersonaCard;
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

    @Test
    void aUserMessageSentAfterTheGreetingWasDeletedIsNoAlternativeOfTheOtherGreetings() {
        UUID user = fixtures.user(true);
        var character = fixtures.character(UUID.randomUUID(), user, Visibility.PRIVATE, false);
        fixtures.publish(fixtures.withCard(
                character, new PersonaCard("", "Hi there", List.of("Alt hi"), "", "", "", "", List.of())));
        UUID session = session(user, character.characterId());
        JsonNode greeting = top(user, session);
        assertThat(greeting.path("content").asString()).isEqualTo("Hi there");
        assertThat(greeting.path("alternative_count").asInt()).isEqualTo(2);
        exchange(
                user,
                HttpMethod.DELETE,
                "/sessions/" + session + "/messages/" + greeting.path("id").asString(),
                "",
                204);
        assertThat(history(user, session)).isEmpty();

        Set<UUID> seen = new HashSet<>();
        answered(user, session, "/chat/send", send(session, "fresh"), seen, "Welcome.", 1);
        JsonNode fresh = history(user, session).get(1);
        assertThat(fresh.path("content").asString()).isEqualTo("fresh");
        assertThat(fresh.path("parent_id").isNull()).isTrue();
        assertThat(fresh.path("alternative_index").asInt())
                .as("the remaining assistant greeting is not an alternative of a user message")
                .isZero();
        assertThat(fresh.path("alternative_count").asInt()).isEqualTo(1);

        UUID freshId = UUID.fromString(fresh.path("id").asString());
        JsonNode selected = exchange(
                user,
                HttpMethod.POST,
                "/sessions/" + session + "/messages/" + freshId + "/select",
                "{\"alternative_index\":0}",
                200);
        assertThat(selected.path("role").asString()).isEqualTo("user");
        assertThat(selected.path("id").asString()).isEqualTo(freshId.toString());
        JsonNode refused = exchange(
                user,
                HttpMethod.POST,
                "/sessions/" + session + "/messages/" + freshId + "/select",
                "{\"alternative_index\":1}",
                400);
        assertThat(refused.path("type").asString()).isEqualTo("/problems/no-such-alternative");
        assertThat(path(user, session)).containsExactly("Welcome.", "fresh");
    }

    @Test
    void aUserMessageSentAfterItsReplyWasDeletedIsNoAlternativeOfThatRepliesOtherSwipes() {
        UUID user = fixtures.user(true);
        UUID session = session(user);
        Set<UUID> seen = new HashSet<>();
        JsonNode first = answered(user, session, "/chat/send", send(session, "u1"), seen, "a1", 1);
        UUID u1 = fixtures.awaitRequest(session, "u1").userMessageId();
        UUID a1 = UUID.fromString(first.path("message_id").asString());
        JsonNode swipe = answered(user, session, "/chat/regenerate", body(session), seen, "a1b", 2);
        exchange(
                user,
                HttpMethod.DELETE,
                "/sessions/" + session + "/messages/" + swipe.path("message_id").asString(),
                "",
                204);
        assertThat(path(user, session)).containsExactly("u1");

        answered(user, session, "/chat/send", send(session, "u2"), seen, "a2", 3);
        assertThat(path(user, session)).containsExactly("a2", "u2", "u1");
        JsonNode u2 = history(user, session).get(1);
        assertThat(u2.path("parent_id").asString()).isEqualTo(u1.toString());
        assertThat(u2.path("alternative_index").asInt())
                .as("the reply a1 still under u1 is not an alternative of the user message u2")
                .isZero();
        assertThat(u2.path("alternative_count").asInt()).isEqualTo(1);
        exchange(
                user,
                HttpMethod.POST,
                "/sessions/" + session + "/messages/" + u2.path("id").asString() + "/select",
                "{\"alternative_index\":1}",
                400);
        assertThat(path(user, session)).containsExactly("a2", "u2", "u1");

        JsonNode a1Selected = exchange(
                user,
                HttpMethod.POST,
                "/sessions/" + session + "/messages/" + a1 + "/select",
                "{\"alternative_index\":0}",
                200);
        assertThat(a1Selected.path("alternative_count").asInt())
                .as("a1's alternatives are the replies to u1 only")
                .isEqualTo(1);
        assertThat(path(user, session)).containsExactly("a1", "u1");

        // An edit of u2 is an alternative of u2 only, beside it under u1.
        select(user, session, UUID.fromString(u2.path("id").asString()), 0);
        answered(
                user,
                session,
                "PUT /sessions/" + session + "/messages/" + u2.path("id").asString(),
                "{\"content\":\"u2 edited\"}",
                seen,
                "a2'",
                4);
        JsonNode edited = history(user, session).get(1);
        assertThat(edited.path("content").asString()).isEqualTo("u2 edited");
        assertThat(edited.path("alternative_index").asInt()).isEqualTo(1);
        assertThat(edited.path("alternative_count").asInt()).isEqualTo(2);
    }

    @Test
    void historyPagesTheActivePathOnlyAndRefusesACursorOffIt() {
        UUID user = fixtures.user(true);
        UUID session = session(user);
        Set<UUID> seen = new HashSet<>();
        JsonNode r1 = answered(user, session, "/chat/send", send(session, "q1"), seen, "r1", 1);
        JsonNode r2 = answered(user, session, "/chat/send", send(session, "q2"), seen, "r2", 2);
        UUID q1 = fixtures.awaitRequest(session, "q1").userMessageId();
        UUID q2 = fixtures.awaitRequest(session, "q2").userMessageId();
        String oldLast = r2.path("message_id").asString();
        assertThat(page(user, session, "?limit=2&before=" + oldLast, 200)
                        .path("items")
                        .valueStream()
                        .map(m -> m.path("content").asString()))
                .containsExactly("q2", "r1");

        exchange(user, HttpMethod.DELETE, "/sessions/" + session + "/messages/" + q2, "", 204);
        JsonNode refused = page(user, session, "?before=" + oldLast, 400);
        assertThat(refused.path("type").asString())
                .as("the old last reply is below a deleted message: not on the active path")
                .isEqualTo("/problems/invalid-cursor");
        assertThat(page(user, session, "?before=" + q2, 400).path("type").asString())
                .isEqualTo("/problems/invalid-cursor");
        String r1Id = r1.path("message_id").asString();
        assertThat(page(user, session, "?before=" + r1Id, 200)
                        .path("items")
                        .valueStream()
                        .map(m -> m.path("content").asString()))
                .containsExactly("q1");

        // An abandoned branch: after an edit of q1, its old reply is off the active path.
        answered(
                user,
                session,
                "PUT /sessions/" + session + "/messages/" + q1,
                "{\"content\":\"q1 edited\"}",
                seen,
                "r1'",
                3);
        assertThat(page(user, session, "?before=" + r1Id, 400).path("type").asString())
                .isEqualTo("/problems/invalid-cursor");
        String r1Edited = top(user, session).path("id").asString();
        assertThat(page(user, session, "?before=" + r1Edited, 200)
                        .path("items")
                        .valueStream()
                        .map(m -> m.path("content").asString()))
                .containsExactly("q1 edited");
    }

    private JsonNode page(UUID user, UUID session, String query, int expectedStatus) {
        return exchange(user, HttpMethod.GET, "/sessions/" + session + "/history" + query, null, expectedStatus);
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
        return session(user, fixtures.character(user, Visibility.PRIVATE, false));
    }

    private UUID session(UUID user, UUID character) {
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
        RestTestClient.RequestBodySpec request =
                http.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, bearer(user));
        if (body != null && !body.isEmpty()) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        byte[] answer = request.exchange()
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
