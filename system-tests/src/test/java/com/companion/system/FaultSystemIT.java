package com.companion.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.system.Api.Response;
import com.companion.system.Api.User;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Faults on the running stack under a steady load of chats. Whatever is killed or restarted:
 *
 * <ul>
 *   <li>every message the system accepted (every user message in a history, whether or not its
 *       answer reached the client) settles, and a completed one has exactly one stored reply and
 *       one ad count; a failed one has no reply;
 *   <li>only requests in flight when the fault hit may fail (accepted before it ended and not yet
 *       settled when it began), so their number is bounded by what was in flight;
 *   <li>every request accepted after the fault completes, and at least {@link #AFTER_RECOVERY} of
 *       them do: a fault that broke the pipeline for good cannot pass with nothing to check.
 * </ul>
 */
@ExtendWith(Stack.class)
class FaultSystemIT {

    private static final int CHATS = 6;
    private static final int AFTER_RECOVERY = 2 * CHATS;

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

    /**
     * Ad-service stops while chats go on: replies are finished when they are stored, so every one
     * still arrives (a free user's with {@code ad_pending}, at most {@code CHAT_AD_WAIT} later) and
     * none fails; when ad-service is back it counts every reply it missed, once.
     */
    @Test
    void anAdServiceStoppedUnderLoadHoldsNoReplyUpAndItsCountsCatchUp() throws Exception {
        llm(200, 20);
        User probe = Api.signup(30);
        UUID probeSession = ChatSystemIT.session(probe, Characters.create(probe, "private", false));
        underLoad(
                () -> {
                    Component ad = Component.of("ad-service");
                    ad.stop();
                    for (int i = 0; i < 3; i++) {
                        Response reply = Api.post(
                                "/chat/send",
                                probe,
                                Map.of("session_id", probeSession.toString(), "message", "still there? " + i));
                        assertThat(reply.status())
                                .as("a reply while ad-service is down")
                                .isEqualTo(200);
                        assertThat(reply.json().path("ad_pending").asBoolean()).isTrue();
                        assertThat(reply.json().path("show_ad").asBoolean()).isFalse();
                    }
                    ad.start();
                },
                true);
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(Api.get("/sessions/" + probeSession, probe)
                                .json()
                                .path("ad_counter")
                                .asLong())
                        .as("ad-service counted the replies it missed")
                        .isEqualTo(3));
    }

    /**
     * PostgreSQL stops (fast shutdown: open transactions roll back, every connection is cut) and
     * starts again; the services recover on their own. Only the stack's own embedded server is
     * restarted, never a shared one: a reused stack on the machine's server skips this test.
     */
    @Test
    void aPostgresRestartLosesNoReplyAndDoublesNone() throws Exception {
        Assumptions.assumeTrue(
                Stack.ownsPostgres(),
                "the stack under test uses a shared PostgreSQL, which this test must not restart");
        llm(200, 20);
        underLoad(() -> {
            Component postgres = Component.of("postgres");
            postgres.stop();
            postgres.start();
        });
    }

    private record Chat(User user, UUID session) {}

    /** What the client knows of one request it saw accepted. */
    private record Seen(Chat chat, Instant settledAt) {}

    private void underLoad(Runnable fault) throws Exception {
        underLoad(fault, false);
    }

    /**
     * Chats keep sending while {@code fault} happens; then every accepted request must settle as
     * promised ({@code nothingMayFail}: every one completes).
     */
    private void underLoad(Runnable fault, boolean nothingMayFail) throws Exception {
        List<Chat> chats = new ArrayList<>();
        for (int i = 0; i < CHATS; i++) {
            User user = Api.signup(30);
            chats.add(new Chat(user, ChatSystemIT.session(user, Characters.create(user, "private", false))));
        }
        Map<UUID, Seen> seen = new ConcurrentHashMap<>();
        Set<UUID> completedAfterFault = ConcurrentHashMap.newKeySet();
        Instant[] window = new Instant[2];
        AtomicReference<Instant> faultEnded = new AtomicReference<>();
        AtomicBoolean running = new AtomicBoolean(true);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> loops = new ArrayList<>();
            for (Chat chat : chats) {
                loops.add(pool.submit(() -> {
                    int n = 0;
                    while (running.get()) {
                        // Read before sending: a message sent while the fault lasted and answered after it is not one
                        // the final check counts as accepted after the fault.
                        Instant sentAfterFault = faultEnded.get();
                        Response r = send(chat, "message " + n++);
                        if (accepted(r)) {
                            UUID request =
                                    UUID.fromString(r.json().path("request_id").asString());
                            String status = r.status() == 200
                                    ? "completed"
                                    : r.status() == 202
                                            ? awaitSettled(chat.user(), request)
                                                    .path("status")
                                                    .asString()
                                            : "failed";
                            seen.put(request, new Seen(chat, Instant.now()));
                            if (sentAfterFault != null && "completed".equals(status)) {
                                completedAfterFault.add(request);
                            }
                        } else if (r != null && r.status() == 409) {
                            // An earlier message whose answer was lost with a connection is still being replied to.
                            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
                        } else {
                            // The service is down for a moment: back off like an app would, then retry.
                            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
                        }
                    }
                    return null;
                }));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> seen.size() >= CHATS);
            window[0] = Instant.now();
            fault.run();
            window[1] = Instant.now();
            faultEnded.set(window[1]);
            await().atMost(Duration.ofMinutes(3)).until(() -> completedAfterFault.size() >= AFTER_RECOVERY);
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get(Duration.ofMinutes(3).toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        int inFlight = 0;
        List<String> failed = new ArrayList<>();
        int completedAfter = 0;
        for (Chat chat : chats) {
            // Every user message in the history is a message the system accepted, answered to the client or not.
            Map<UUID, Instant> accepted = new HashMap<>();
            Map<UUID, Integer> replies = new HashMap<>();
            for (JsonNode message : history(chat)) {
                UUID request = UUID.fromString(message.path("request_id").asString());
                switch (message.path("role").asString()) {
                    case "user" ->
                        accepted.put(
                                request,
                                Instant.parse(message.path("created_at").asString()));
                    case "assistant" -> replies.merge(request, 1, Integer::sum);
                    default -> throw new AssertionError("unexpected message " + message);
                }
            }
            assertThat(seen.entrySet().stream()
                            .filter(e -> e.getValue().chat().equals(chat))
                            .map(Map.Entry::getKey))
                    .as("every request the client saw accepted is in the history")
                    .allMatch(accepted::containsKey);
            assertThat(accepted.keySet()).as("no reply without its message").containsAll(replies.keySet());
            long completed = 0;
            for (Map.Entry<UUID, Instant> entry : accepted.entrySet()) {
                UUID request = entry.getKey();
                Instant acceptedAt = entry.getValue();
                String status =
                        awaitSettled(chat.user(), request).path("status").asString();
                Seen known = seen.get(request);
                boolean settledBeforeFault = known != null && known.settledAt().isBefore(window[0]);
                boolean inFlightAtFault = !acceptedAt.isAfter(window[1]) && !settledBeforeFault;
                if (inFlightAtFault) {
                    inFlight++;
                }
                switch (status) {
                    case "completed" -> {
                        completed++;
                        assertThat(replies.getOrDefault(request, 0))
                                .as("stored replies of completed request %s", request)
                                .isEqualTo(1);
                        if (acceptedAt.isAfter(window[1])) {
                            completedAfter++;
                        }
                    }
                    case "failed" -> {
                        failed.add(request + " accepted " + acceptedAt);
                        assertThat(inFlightAtFault)
                                .as(
                                        "failed request %s accepted %s was in flight at the fault (%s .. %s)",
                                        request, acceptedAt, window[0], window[1])
                                .isTrue();
                        assertThat(replies.getOrDefault(request, 0))
                                .as("stored replies of failed request %s", request)
                                .isZero();
                    }
                    // The guard may refuse a harmless reply of the offline LLM: its humour closer "Shall we make a
                    // terrible plan together?" reads as a suicide pact to the learned S11 head in about 0.3 % of
                    // this persona's replies. A refusal is stored as the reply, once, and is not counted for ads.
                    case "blocked" ->
                        assertThat(replies.getOrDefault(request, 0))
                                .as("stored refusals of blocked request %s", request)
                                .isEqualTo(1);
                    default -> throw new AssertionError("request " + request + " ended " + status);
                }
            }
            long completedReplies = completed;
            // Ad decisions follow replies on their own (later still when ad-service was the fault).
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(Api.get("/sessions/" + chat.session(), chat.user())
                                    .json()
                                    .path("ad_counter")
                                    .asLong())
                            .as("one ad count per completed reply")
                            .isEqualTo(completedReplies));
        }
        System.out.printf(
                "fault %s .. %s: %d requests in flight, %d failed %s, %d completed after it%n",
                window[0], window[1], inFlight, failed.size(), failed, completedAfter);
        assertThat(failed.size()).as("failures, at most the requests in flight").isLessThanOrEqualTo(inFlight);
        if (nothingMayFail) {
            assertThat(failed).as("failed requests").isEmpty();
        }
        assertThat(completedAfter).as("replies completed after the fault").isGreaterThanOrEqualTo(AFTER_RECOVERY);
    }

    /** The whole history of a chat, page by page. */
    private static List<JsonNode> history(Chat chat) {
        List<JsonNode> all = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String cursor = null;
        do {
            JsonNode page = Api.get(
                            "/sessions/" + chat.session() + "/history?limit=100"
                                    + (cursor == null ? "" : "&before=" + cursor),
                            chat.user())
                    .json();
            page.path("items").forEach(all::add);
            cursor = page.path("next_cursor").isString()
                    ? page.path("next_cursor").asString()
                    : null;
        } while (cursor != null && cursors.add(cursor));
        return all;
    }

    /**
     * Whether chat-service took the message: a reply (200), a pending request (202) or its reply
     * failed (502 {@code reply-failed}). The gateway's own problems carry a {@code request_id} too,
     * the id of the HTTP exchange, which is no chat request.
     */
    private static boolean accepted(Response r) {
        if (r == null) {
            return false;
        }
        return r.status() == 200
                || r.status() == 202
                || (r.status() == 502 && r.json().path("type").asString().endsWith("reply-failed"));
    }

    private static Response send(Chat chat, String message) {
        try {
            return Api.post(
                    "/chat/send",
                    chat.user(),
                    Map.of("session_id", chat.session().toString(), "message", message));
        } catch (IllegalStateException connectionTrouble) {
            return null;
        }
    }

    private static JsonNode awaitSettled(User user, UUID request) {
        return await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(
                        () -> Api.get("/chat/requests/" + request, user),
                        r -> r.status() == 200
                                && !"pending".equals(r.json().path("status").asString()))
                .json();
    }

    private static void llm(int ttftMs, int perTokenMs) {
        Api.send(HttpRequest.newBuilder(URI.create(Stack.LLM_ADMIN + "/_admin/behaviour"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"time_to_first_token_ms\":" + ttftMs + ",\"time_per_token_ms\":" + perTokenMs + "}"))
                .build());
    }
}
