package com.companion.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.contracts.character.Visibility;
import com.companion.contracts.chat.MessageRequested;
import com.companion.platform.test.IntegrationTest;
import com.companion.platform.test.TestJwks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recalled moments, and the memory evaluation: scripted conversations where a fact is told early, followed by 40
 * unrelated turns, then a question that needs it. The conversations are written into the database as they would
 * have been stored (each user message queued for its vector), the background embedder gives them vectors with the
 * real model, and the question goes through {@code /chat/send}; the figure is the share of questions whose request
 * (what the worker puts in the prompt) recalls the fact. Same properties as {@link ChatPipelineIT}, so they share
 * one application context.
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
class RecallIT {

    static final ChatFixtures fixtures = new ChatFixtures();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final double TARGET = 0.9;

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void close() {
        fixtures.close();
    }

    @Test
    void aFactToldLongAgoIsRecalledForARelatedQuestionAndNotForAnUnrelatedOne() throws IOException {
        String fact = "My dog is called Biscuit, he is a golden retriever.";
        Conversation dog = conversation(fact);
        Conversation other = conversation(fact);
        awaitEmbedded();

        MessageRequested related = replied(dog.user(), dog.session(), "What was my dog's name again?");
        assertThat(related.history())
                .as("the fact is far outside the recent window")
                .noneMatch(message -> message.content().equals(fact));
        assertThat(related.memory().recalled()).first().isEqualTo(fact);

        MessageRequested unrelated =
                replied(other.user(), other.session(), "Should we order sushi or pizza for dinner?");
        assertThat(unrelated.memory().recalled()).doesNotContain(fact);
    }

    @Test
    void memoryEvaluationRecallsTheFactForNineInTenQuestions() throws IOException {
        List<String[]> script = facts();
        List<Conversation> conversations = new ArrayList<>();
        for (String[] pair : script) {
            conversations.add(conversation(pair[0]));
        }
        awaitEmbedded();

        int recalled = 0;
        long recalledChars = 0;
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < script.size(); i++) {
            Conversation conversation = conversations.get(i);
            MessageRequested request = replied(conversation.user(), conversation.session(), script.get(i)[1]);
            List<String> memory = request.memory().recalled();
            boolean hit = memory.contains(script.get(i)[0]);
            recalled += hit ? 1 : 0;
            recalledChars += memory.stream().mapToLong(String::length).sum();
            rows.append("| ")
                    .append(script.get(i)[1])
                    .append(" | ")
                    .append(hit ? "yes" : "**no**")
                    .append(" | ")
                    .append(memory.size())
                    .append(" |\n");
        }
        double share = (double) recalled / script.size();
        String report = String.format(
                        Locale.ROOT,
                        "# Memory evaluation\n\n%d scripted conversations: a fact, then 40 unrelated turns (80 messages),"
                                + " then a question that needs the fact. Recalled: %d of %d (%.2f, target %.2f). Recalled"
                                + " text per prompt: %.0f characters on average (about %.0f tokens at four characters"
                                + " a token).\n\n| question | fact recalled | messages recalled |\n|---|---|---|\n",
                        script.size(),
                        recalled,
                        script.size(),
                        share,
                        TARGET,
                        (double) recalledChars / script.size(),
                        recalledChars / 4.0 / script.size())
                + rows;
        System.out.println(report);
        Path file = Path.of("target", "memory-evaluation.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        assertThat(share).as(report).isGreaterThanOrEqualTo(TARGET);
    }

    private record Conversation(UUID user, UUID session) {}

    /**
     * A user, a character, a session holding the fact, then 40 turns of ordinary talk (the fact is message 1 of 82),
     * stored as chat-service stores them: a chain of messages with the last one active, each user message queued
     * for its vector.
     */
    private Conversation conversation(String fact) throws IOException {
        UUID user = fixtures.user(true);
        UUID session = session(user, fixtures.character(user, Visibility.PRIVATE, false));
        List<String[]> turns = new ArrayList<>();
        turns.add(new String[] {"user", fact});
        turns.add(new String[] {"assistant", "Thank you for telling me, I will keep that in mind."});
        for (String filler : fillers()) {
            turns.add(new String[] {"user", filler});
            turns.add(new String[] {"assistant", "I see. Tell me more about your day."});
        }
        UUID parent = null;
        Instant at = Instant.now().minus(Duration.ofDays(2));
        int depth = 0;
        for (String[] turn : turns) {
            UUID id = UUID.randomUUID();
            at = at.plusSeconds(60);
            depth++;
            jdbc.sql("""
                            insert into chat_message (id, session_id, parent_id, depth, role, content, created_at)
                            values (:id, :session, :parent, :depth, :role, :content, :at)
                            """)
                    .param("id", id)
                    .param("session", session)
                    .param("parent", parent)
                    .param("depth", depth)
                    .param("role", turn[0])
                    .param("content", turn[1])
                    .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                    .update();
            if (turn[0].equals("user")) {
                jdbc.sql("insert into chat_embedding_queue (message_id) values (:id)")
                        .param("id", id)
                        .update();
            }
            parent = id;
        }
        jdbc.sql("update chat_session set active_leaf_id = :leaf where id = :id")
                .param("leaf", parent)
                .param("id", session)
                .update();
        return new Conversation(user, session);
    }

    private void awaitEmbedded() {
        await().atMost(Duration.ofSeconds(120))
                .until(() -> jdbc.sql("select count(*) from chat_embedding_queue")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    private MessageRequested replied(UUID user, UUID session, String message) {
        CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> http.post()
                .uri("/chat/send")
                .header(HttpHeaders.AUTHORIZATION, bearer(user))
                .contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(java.util.Map.of("session_id", session.toString(), "message", message)))
                .exchange()
                .expectStatus()
                .isOk());
        MessageRequested request = fixtures.awaitRequest(session, message);
        fixtures.reply(request, "Of course I remember.");
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

    private static List<String[]> facts() throws IOException {
        return lines("/memory/facts.tsv").stream().map(line -> line.split("\t")).toList();
    }

    private static List<String> fillers() throws IOException {
        return lines("/memory/fillers.txt");
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = RecallIT.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList();
        }
    }

    private static String bearer(UUID user) {
        return "Bearer " + TestJwks.shared().token(user, "free", true);
    }
}
