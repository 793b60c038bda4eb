package com.companion.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.system.Api.Response;
import com.companion.system.Api.User;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

@ExtendWith(Stack.class)
class ChatSystemIT {

    static UUID session(User user, UUID character) {
        Response created = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> Api.post("/sessions", user, Map.of("character_id", character.toString())),
                        r -> r.status() == 201);
        return UUID.fromString(created.json().path("id").asString());
    }

    static JsonNode send(User user, UUID session, String message) {
        Response response = Api.post("/chat/send", user, Map.of("session_id", session.toString(), "message", message));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    /**
     * The reply with its ad decision: a decision that missed the send's wait (the reply then says {@code ad_pending},
     * with the count so far) is read from {@code GET /chat/requests/{id}} once it is in.
     */
    static JsonNode decided(User user, JsonNode reply) {
        if (!reply.path("ad_pending").asBoolean()) {
            return reply;
        }
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> Api.get(
                                "/chat/requests/" + reply.path("request_id").asString(), user),
                        r -> r.status() == 200 && !r.json().path("ad_pending").asBoolean())
                .json();
    }

    /**
     * {@code message} with a marker of its own, for which the offline LLM will answer the {@code replies} in turn (a
     * regeneration or continuation of it is a call with the same last user message). A test that counts
     * replies scripts them: the offline LLM's own replies are random, and the output guard refuses about one in three
     * hundred of them, which would make that turn a refusal that is not counted.
     */
    static String scripted(String message, String... replies) {
        String marked = message + " [" + UUID.randomUUID().toString().substring(0, 8) + "]";
        List<Map<String, String>> queue = Arrays.stream(replies)
                .map(reply -> Map.of("for_message_containing", marked, "reply", reply))
                .toList();
        Response queued = Api.send(HttpRequest.newBuilder(URI.create(Stack.LLM_ADMIN + "/_admin/behaviour/next"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(queue)))
                .build());
        assertThat(queued.status()).as(queued.raw()).isEqualTo(200);
        return marked;
    }

    @Test
    void aReplyArrivesOverHttpAndLandsInTheHistory() {
        User user = Api.signup(22);
        UUID session = session(user, Characters.create(user, "private", false));
        String message =
                scripted("Hi! How was your day?", "It was lovely, thank you! I spent it reading by the window.");
        JsonNode reply = decided(user, send(user, session, message));
        assertThat(reply.path("reply").asString())
                .isEqualTo("It was lovely, thank you! I spent it reading by the window.");
        assertThat(reply.path("show_ad").asBoolean()).isFalse();
        assertThat(reply.path("ad_counter").asLong()).isEqualTo(1);

        JsonNode history = Api.get("/sessions/" + session + "/history", user).json();
        assertThat(history.path("items").get(0).path("id").asString())
                .isEqualTo(reply.path("message_id").asString());
        assertThat(history.path("items").get(1).path("content").asString()).isEqualTo(message);
    }

    @Test
    void aStreamSendsTokensBeforeItsDoneEvent() throws Exception {
        User user = Api.signup(22);
        UUID session = session(user, Characters.create(user, "private", false));
        HttpResponse<String> response = Api.http()
                .send(
                        Api.request("/chat/stream", user)
                                .header("Content-Type", "application/json")
                                .header("Accept", "text/event-stream")
                                .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(
                                        Map.of("session_id", session.toString(), "message", "Tell me a story"))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String events = response.body();
        assertThat(events).contains("event:token").contains("event:done");
        assertThat(events.indexOf("event:token")).isLessThan(events.indexOf("event:done"));
    }

    @Test
    void aSocketStreamsTokensAndEndsWithTheStoredReply() {
        User user = Api.signup(22);
        UUID session = session(user, Characters.create(user, "private", false));
        try (Socket socket = new Socket(user)) {
            socket.send(Map.of("type", "join_session", "session_id", session.toString()));
            socket.await(f -> "presence".equals(f.path("type").asString()), Duration.ofSeconds(10));
            socket.send(Map.of("type", "user_message", "session_id", session.toString(), "message", "Good morning!"));
            JsonNode done =
                    socket.await(f -> "assistant_done".equals(f.path("type").asString()), Duration.ofSeconds(60));
            List<JsonNode> tokens = socket.frames().stream()
                    .filter(f -> "assistant_token".equals(f.path("type").asString()))
                    .filter(f -> f.path("request_id")
                            .asString()
                            .equals(done.path("request_id").asString()))
                    .toList();
            int lastAttempt = tokens.stream()
                    .mapToInt(t -> t.path("attempt").asInt())
                    .max()
                    .orElse(1);
            String streamed = tokens.stream()
                    .filter(t -> t.path("attempt").asInt() == lastAttempt)
                    .map(t -> t.path("text").asString())
                    .reduce("", String::concat);
            assertThat(tokens).isNotEmpty();
            assertThat(streamed).isEqualTo(done.path("content").asString());
            JsonNode history =
                    Api.get("/sessions/" + session + "/history", user).json();
            assertThat(history.path("items").get(0).path("content").asString())
                    .isEqualTo(done.path("content").asString());
        }
    }

    @Test
    void theTenthReplyOfAFreeSessionBringsAnAdAndPremiumNeverSeesOne() {
        User free = Api.signup(40);
        UUID session = session(free, Characters.create(free, "private", false));
        for (int i = 1; i <= 10; i++) {
            String message = scripted("Message number " + i, "Thank you for message " + i + ", it made me smile.");
            JsonNode reply = decided(free, send(free, session, message));
            assertThat(reply.path("ad_counter").asLong()).isEqualTo(i);
            assertThat(reply.path("show_ad").asBoolean()).as("reply %d", i).isEqualTo(i == 10);
        }
        assertThat(Api.get("/ads/next?session_id=" + session, free).status()).isEqualTo(200);

        User premium = Api.signup(40);
        Map<String, String> admin = Stack.admin();
        Response adminLogin = Api.login(admin.get("email"), admin.get("password"));
        assertThat(adminLogin.status()).isEqualTo(200);
        User adminUser = new User(
                null,
                null,
                null,
                null,
                null,
                adminLogin.json().path("access_token").asString());
        assertThat(Api.put("/admin/users/" + premium.id() + "/plan", adminUser, Map.of("plan", "premium"))
                        .status())
                .isEqualTo(200);
        User upgraded = new User(
                premium.id(),
                premium.username(),
                premium.email(),
                premium.phone(),
                premium.password(),
                Api.login(premium.username(), premium.password())
                        .json()
                        .path("access_token")
                        .asString());
        UUID premiumSession = session(upgraded, Characters.create(upgraded, "private", false));
        for (int i = 1; i <= 10; i++) {
            assertThat(decided(upgraded, send(upgraded, premiumSession, "Premium message " + i))
                            .path("show_ad")
                            .asBoolean())
                    .isFalse();
        }
    }

    @Test
    void nobodyElseSeesAnotherUsersSessionsOrHistory() {
        User owner = Api.signup(26);
        User stranger = Api.signup(26);
        UUID session = session(owner, Characters.create(owner, "private", false));
        send(owner, session, "private thoughts");
        assertThat(Api.get("/sessions/" + session, stranger).status()).isEqualTo(404);
        assertThat(Api.get("/sessions/" + session + "/history", stranger).status())
                .isEqualTo(404);
        assertThat(Api.post("/chat/send", stranger, Map.of("session_id", session.toString(), "message", "hi"))
                        .status())
                .isEqualTo(404);
        assertThat(Api.delete("/sessions/" + session, stranger).status()).isEqualTo(404);
        // ad-service learns of the session with its first counted reply (off the send's path); until then any
        // caller gets 204, then a stranger 404.
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> Api.get("/ads/next?session_id=" + session, stranger)
                                .status(),
                        status -> status == 404);
    }
}
