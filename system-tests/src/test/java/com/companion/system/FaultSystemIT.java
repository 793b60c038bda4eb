package com.companion.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.system.Api.Response;
import com.companion.system.Api.User;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Faults on the running stack under a steady load of chats: whatever is killed, every message the
 * system accepted ends with exactly one stored reply and one ad count, and nothing waits forever.
 */
@ExtendWith(Stack.class)
class FaultSystemIT {

    private static final int CHATS = 6;

    @AfterEach
    void normalLlm() {
        llm(250, 20);
    }

    @Test
    void anInferenceWorkerKilledMidGenerationLosesNoReplyAndDoublesNone() throws Exception {
        llm(400, 40);
        underLoad(() -> {
            Component worker = Component.of("inference-worker");
            worker.kill();
            worker.start();
        });
    }

    @Test
    void aChatServiceKilledMidConversationLosesNoReplyAndDoublesNone() throws Exception {
        llm(400, 40);
        underLoad(() -> {
            Component chat = Component.of("chat-service");
            chat.kill();
            chat.start();
        });
    }

    @Test
    void aKafkaBrokerRestartLosesNoReplyAndDoublesNone() throws Exception {
        llm(200, 20);
        underLoad(() -> {
            Component kafka = Component.of("kafka");
            kafka.stop();
            kafka.start();
        });
    }

    /** Chats keep sending while {@code fault} happens; then every accepted request must settle cleanly. */
    private void underLoad(Runnable fault) throws Exception {
        List<User> users = new ArrayList<>();
        List<UUID> sessions = new ArrayList<>();
        for (int i = 0; i < CHATS; i++) {
            User user = Api.signup(30);
            users.add(user);
            sessions.add(ChatSystemIT.session(user, Characters.create(user, "private", false)));
        }
        Set<UUID> accepted = ConcurrentHashMap.newKeySet();
        Map<UUID, User> ownerOf = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> loops = new ArrayList<>();
            for (int i = 0; i < CHATS; i++) {
                User user = users.get(i);
                UUID session = sessions.get(i);
                loops.add(pool.submit(() -> {
                    int n = 0;
                    while (running.get()) {
                        Response r = send(user, session, "message " + n++);
                        if (r == null || r.status() >= 500) {
                            // The service is down for a moment: back off like an app would, then retry.
                            java.util.concurrent.locks.LockSupport.parkNanos(
                                    Duration.ofMillis(250).toNanos());
                            continue;
                        }
                        JsonNode body = r.json();
                        if (body.hasNonNull("request_id")) {
                            UUID request =
                                    UUID.fromString(body.path("request_id").asString());
                            accepted.add(request);
                            ownerOf.put(request, user);
                            if (r.status() == 202) {
                                awaitSettled(user, request);
                            }
                        } else if (r.status() == 409) {
                            // An earlier message whose answer was lost with a connection is still being replied to.
                            java.util.concurrent.locks.LockSupport.parkNanos(
                                    Duration.ofMillis(500).toNanos());
                        }
                    }
                    return null;
                }));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> accepted.size() >= CHATS);
            fault.run();
            int before = accepted.size();
            await().atMost(Duration.ofMinutes(3)).until(() -> accepted.size() >= before + 2 * CHATS);
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get(Duration.ofMinutes(3).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }

        for (UUID request : accepted) {
            JsonNode outcome = awaitSettled(ownerOf.get(request), request);
            assertThat(outcome.path("status").asString())
                    .as("request %s", request)
                    .isIn("completed", "failed", "blocked");
        }
        for (int i = 0; i < CHATS; i++) {
            JsonNode items = Api.get("/sessions/" + sessions.get(i) + "/history?limit=100", users.get(i))
                    .json()
                    .path("items");
            Map<String, Integer> repliesPerRequest = new ConcurrentHashMap<>();
            long completedReplies = 0;
            for (JsonNode message : items) {
                if ("assistant".equals(message.path("role").asString())) {
                    repliesPerRequest.merge(message.path("request_id").asString(), 1, Integer::sum);
                }
            }
            assertThat(repliesPerRequest.values())
                    .as("one stored reply per request")
                    .allMatch(count -> count == 1);
            completedReplies = repliesPerRequest.size();
            JsonNode session =
                    Api.get("/sessions/" + sessions.get(i), users.get(i)).json();
            assertThat(session.path("ad_counter").asLong())
                    .as("one ad count per reply")
                    .isEqualTo(completedReplies);
        }
    }

    private static Response send(User user, UUID session, String message) {
        try {
            return Api.post("/chat/send", user, Map.of("session_id", session.toString(), "message", message));
        } catch (IllegalStateException connectionTrouble) {
            return null;
        }
    }

    private static JsonNode awaitSettled(User user, UUID request) {
        return await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> Api.get("/chat/requests/" + request, user).json(),
                        body -> !"pending".equals(body.path("status").asString()));
    }

    private static void llm(int ttftMs, int perTokenMs) {
        Api.send(HttpRequest.newBuilder(URI.create(Stack.LLM_ADMIN + "/_admin/behaviour"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"time_to_first_token_ms\":" + ttftMs + ",\"time_per_token_ms\":" + perTokenMs + "}"))
                .build());
    }
}
