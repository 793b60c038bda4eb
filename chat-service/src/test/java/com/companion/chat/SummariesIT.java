package com.companion.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.contracts.character.Visibility;
import com.companion.contracts.chat.ChatRole;
import com.companion.contracts.chat.HistoryMessage;
import com.companion.contracts.chat.MessageRequested;
import com.companion.contracts.chat.SummaryRequested;
import com.companion.platform.test.IntegrationTest;
import com.companion.platform.test.TestJwks;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running summary: requested on its own queue once 20 messages have left the recent window (16 messages),
 * kept when the worker answers, in the next prompts while the summarised path is the active one. Same properties
 * as {@link ChatPipelineIT}, so they share one application context.
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
class SummariesIT {

    static final ChatFixtures fixtures = new ChatFixtures();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void close() {
        fixtures.close();
    }

    @Test
    void aSummaryIsRequestedOnceMessagesLeaveTheWindowAndIsInThePromptWhileItsPathIsActive() {
        UUID user = fixtures.user(true);
        UUID session = session(user, fixtures.character(user, Visibility.PRIVATE, false));
        List<UUID> ids = seed(session, 18);

        replied(user, session, "Nothing new today.");
        assertThat(fixtures.summaryRequestsFor(session))
                .as("20 messages, 4 outside the window: too few to summarise")
                .isEmpty();

        seedMore(session, ids, 20);
        replied(user, session, "Do you remember all that?");
        SummaryRequested request = await().atMost(Duration.ofSeconds(20))
                .until(() -> fixtures.summaryRequestsFor(session), list -> !list.isEmpty())
                .getFirst();
        // 18 + 2 + 20 + 2 = 42 messages on the path; all but the newest 16 have left the window.
        assertThat(request.previousSummary()).isNull();
        assertThat(request.messages()).hasSize(26);
        assertThat(request.messages().getFirst()).isEqualTo(new HistoryMessage(ChatRole.USER, "message 1"));
        assertThat(request.throughMessageId()).isEqualTo(ids.get(25));
        assertThat(request.userIsAdult()).isTrue();

        assertThat(replied(user, session, "Still there?").memory().summary())
                .as("no summary before the worker answers")
                .isNull();
        assertThat(fixtures.summaryRequestsFor(session))
                .as("one request in flight at a time")
                .hasSize(1);

        fixtures.summarized(request, "Mira told Luna about her week.");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select summary from chat_session where id = :id")
                                .param("id", session)
                                .query(String.class)
                                .optional()
                                .orElse(null)
                        != null);
        assertThat(replied(user, session, "What did I tell you?").memory().summary())
                .isEqualTo("Mira told Luna about her week.");

        // An edit of message 3 starts a new branch above the summarised messages: the summary is not about it.
        CompletableFuture<Void> edited = CompletableFuture.runAsync(() -> exchange(
                user,
                HttpMethod.PUT,
                "/sessions/" + session + "/messages/" + ids.get(2),
                "{\"content\":\"Let us start over.\"}",
                200));
        MessageRequested branch = fixtures.awaitRequest(session, "Let us start over.");
        fixtures.reply(branch, "Sure.");
        fixtures.decide(branch, 1, false);
        edited.join();
        assertThat(branch.memory().summary()).isNull();
    }

    /** Writes {@code count} messages (user and assistant in turn) as the session's path; returns their ids. */
    private List<UUID> seed(UUID session, int count) {
        List<UUID> ids = new ArrayList<>();
        seedMore(session, ids, count);
        return ids;
    }

    /**
     * Appends {@code count} messages to the path ending at the session's active leaf (the ids of the messages
     * replied to through the API are added to {@code ids} in their place).
     */
    private void seedMore(UUID session, List<UUID> ids, int count) {
        UUID parent = jdbc.sql("select active_leaf_id from chat_session where id = :id")
                .param("id", session)
                .query(UUID.class)
                .optional()
                .orElse(null);
        int depth = parent == null
                ? 0
                : jdbc.sql("select depth from chat_message where id = :id")
                        .param("id", parent)
                        .query(Integer.class)
                        .single();
        if (parent != null) {
            List<UUID> onPath =
                    jdbc.sql("""
                            with recursive path(id, parent_id, n) as (
                                select id, parent_id, 1 from chat_message where id = :leaf
                              union all
                                select m.id, m.parent_id, path.n + 1 from chat_message m join path on m.id = path.parent_id
                            )
                            select id from path order by n desc
                            """).param("leaf", parent).query(UUID.class).list();
            ids.clear();
            ids.addAll(onPath);
        }
        Instant at = Instant.now().minus(Duration.ofHours(1));
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            depth++;
            jdbc.sql("""
                            insert into chat_message (id, session_id, parent_id, depth, role, content, created_at)
                            values (:id, :session, :parent, :depth, :role, :content, :at)
                            """)
                    .param("id", id)
                    .param("session", session)
                    .param("parent", parent)
                    .param("depth", depth)
                    .param("role", depth % 2 == 1 ? "user" : "assistant")
                    .param("content", "message " + depth)
                    .param("at", OffsetDateTime.ofInstant(at.plusSeconds(depth), ZoneOffset.UTC))
                    .update();
            ids.add(id);
            parent = id;
        }
        jdbc.sql("update chat_session set active_leaf_id = :leaf where id = :id")
                .param("leaf", parent)
                .param("id", session)
                .update();
    }

    private MessageRequested replied(UUID user, UUID session, String message) {
        CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> exchange(
                user,
                HttpMethod.POST,
                "/chat/send",
                JSON.writeValueAsString(Map.of("session_id", session.toString(), "message", message)),
                200));
        MessageRequested request = fixtures.awaitRequest(session, message);
        fixtures.reply(request, "I am listening.");
        fixtures.decide(request, 1, false);
        sent.join();
        return request;
    }

    private UUID session(UUID user, UUID character) {
        JsonNode created = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            byte[] body = http.post()
                                    .uri("/sessions")
                                    .header(HttpHeaders.AUTHORIZATION, bearer(user))
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .body("{\"character_id\":\"" + character + "\"}")
                                    .exchange()
                                    .returnResult(byte[].class)
                                    .getResponseBody();
                            JsonNode node = body == null ? null : JSON.readTree(body);
                            return node != null && node.has("id") ? node : null;
                        },
                        n -> n != null);
        return UUID.fromString(created.path("id").asString());
    }

    private void exchange(UUID user, HttpMethod method, String path, String body, int expectedStatus) {
        http.method(method)
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(user))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isEqualTo(expectedStatus);
    }

    private static String bearer(UUID user) {
        return "Bearer " + TestJwks.shared().token(user, "free", true);
    }
}
