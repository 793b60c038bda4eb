package com.companion.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.contracts.EventEnvelope;
import com.companion.contracts.Plan;
import com.companion.contracts.auth.UserStatus;
import com.companion.contracts.auth.UserUpdated;
import com.companion.contracts.character.LorebookEntry;
import com.companion.contracts.character.LorebookPosition;
import com.companion.contracts.character.ModerationStatus;
import com.companion.contracts.character.PersonaCard;
import com.companion.contracts.character.Visibility;
import com.companion.contracts.chat.InputVerdict;
import com.companion.contracts.chat.MessageRequested;
import com.companion.contracts.chat.ReplyChunk;
import com.companion.contracts.chat.ReplyCompleted;
import com.companion.contracts.chat.ReplyFailed;
import com.companion.platform.test.IntegrationTest;
import com.companion.platform.test.TestJwks;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

// ad-wait is generous so that a decision published right after its reply is always included here; the
// tests of a missing decision show that the reply is still finished when it runs out.
@IntegrationTest(
        properties = {
            "chat.send-wait=5s",
            "chat.read-model-wait=2s",
            "chat.socket.frame-burst=500",
            "chat.ad-wait=1500ms",
            "chat.ad-wait-max=1500ms",
            // A small budget refills one send every 10 s, so the budget test does not race the refill on a busy
            // machine.
            "chat.sends-per-minute=6"
        })
@AutoConfigureRestTestClient
class ChatPipelineIT {

    static final ChatFixtures fixtures = new ChatFixtures();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RestTestClient http;

    @Autowired
    ChatProperties properties;

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterAll
    static void close() {
        fixtures.close();
    }

    @Test
    void aMessageOverTheSocketStreamsTokensAndEndsWithTheStoredReply() {
        UUID user = fixtures.user(true);
        UUID session = session(user, fixtures.character(user, Visibility.PRIVATE, false));
        try (SocketClient socket = socket(user)) {
            socket.send("{\"type\":\"join_session\",\"session_id\":\"" + session + "\"}");
            socket.awaitType("presence");
            socket.userMessage(session, "Hi Mira!", "c1");
            JsonNode typing = socket.awaitType("typing");
            assertThat(typing.path("client_id").asString()).isEqualTo("c1");

            MessageRequested request = fixtures.awaitRequest(session, "Hi Mira!");
            assertThat(request.character().name()).isEqualTo("Mira");
            assertThat(request.userIsAdult()).isTrue();
            assertThat(request.inputVerdict())
                    .as("the guard's verdict travels with the request, so the worker need not repeat it")
                    .isEqualTo(new InputVerdict(false));
            fixtures.reply(request, "Hello", " there", "!");
            fixtures.decide(request, 1, false);

            JsonNode done = socket.awaitType("assistant_done");
            List<String> tokens = socket.frames().stream()
                    .filter(f -> "assistant_token".equals(f.path("type").asString()))
                    .map(f -> f.path("text").asString())
                    .toList();
            assertThat(String.join("", tokens)).isEqualTo("Hello there!");
            assertThat(done.path("content").asString()).isEqualTo("Hello there!");
            assertThat(done.path("show_ad").asBoolean()).isFalse();
            assertThat(done.path("ad_counter").asLong()).isEqualTo(1);

            JsonNode history = history(user, session);
            assertThat(history.path("items").get(0).path("content").asString()).isEqualTo("Hello there!");
            assertThat(history.path("items").get(0).path("id").asString())
                    .isEqualTo(done.path("message_id").asString());
            assertThat(history.path("items").get(1).path("content").asString()).isEqualTo("Hi Mira!");
        }
    }

    @Test
    void socketFramesSpendTheSameSendBudgetAsHttpAndPastItAreRefused() {
        int budget = properties.sendsPerMinute();
        UUID user = fixtures.user(true);
        UUID session = session(user, fixtures.character(user, Visibility.PRIVATE, false));
        try (SocketClient socket = socket(user)) {
            for (int i = 0; i <= budget; i++) {
                socket.userMessage(session, "m" + i, "c" + i);
            }

            JsonNode refused =
                    socket.await(f -> ("c" + budget).equals(f.path("client_id").asString()));
            assertThat(refused.path("type").asString()).isEqualTo("error");
            assertThat(refused.path("code").asString()).isEqualTo("rate_limited");
            assertThat(refused.path("retry_after").asLong())
                    .as("the problem's properties come with the frame, as over HTTP")
                    .isPositive();
            assertThat(socket.frames())
                    .filteredOn(f -> "typing".equals(f.path("type").asString()))
                    .as("only the first message became a request; the rest found it in flight")
                    .hasSize(1);
        }
        http.post()
                .uri("/chat/send")
                .header(HttpHeaders.AUTHORIZATION, bearer(user))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"session_id\":\"" + session + "\",\"message\":\"and over http?\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/rate-limited")
                .jsonPath("$.retry_after")
                .isNumber();

        UUID other = fixtures.user(true);
        UUID otherSession = session(other, fixtures.character(other, Visibility.PRIVATE, false));
        try (SocketClient socket = socket(other)) {
            socket.userMessage(otherSession, "hi");
            assertThat(socket.awaitType("typing"))
                    .as("another user's budget is their own")
                    .isNotNull();
        }
    }

    @Test
    void aPendingRequestPastTheTimeoutNoLongerBlocksItsSession() {
        UUID user = fixtures.user(true);
        UUID session = session(user, fixtures.character(user, Visibility.PRIVATE, false));
        try (SocketClient socket = socket(user)) {
            socket.userMessage(session, "lost");
            MessageRequested lost = fixtures.awaitRequest(session, "lost");
            jdbc.sql("update chat_request set created_at = now() - interval '1 hour' where request_id = :id")
                    .param("id", lost.requestId())
                    .update();

            socket.userMessage(session, "again", "again");

            assertThat(socket.await(f -> "again".equals(f.path("client_id").asString()))
                            .path("type")
                            .asString())
                    .isEqualTo("typing");
            assertThat(fixtures.awaitRequest(session, "again").history())
                    .extracting(h -> h.content())
                    .containsExactly("lost");
            assertThat(jdbc.sql("select status || '/' || error_code from chat_request where request_id = :id")
                            .param("id", lost.requestId())
                            .query(String.class)
                            .single())
                    .isEqualTo("FAILED/timeout");
        }
    }

    @Test
    void aMessageThatSpeaksOfSelfHarmIsAnsweredWithTheSupportFlagOnEveryChannel() {
        UUID user = fixtures.user(true);
        UUID session = session(user, fixtures.character(user, Visibility.PRIVATE, false));
        CompletableFuture<JsonNode> answer =
                CompletableFuture.supplyAsync(() -> send(user, session, "I want to kill myself", 200));
        MessageRequested request = fixtures.awaitRequest(session, "I want to kill myself");
        assertThat(request.inputVerdict().support()).isTrue();
        fixtures.reply(request, "I'm here with you. You matter.");
        fixtures.decide(request, 1, false);

        JsonNode body = answer.join();
        assertThat(body.path("support").asBoolean())
                .as("the client shows crisis resources beside the reply")
                .isTrue();
        JsonNode fetched = new ChatApi(http)
                .get(user, "/chat/requests/" + body.path("request_id").asString());
        assertThat(fetched.path("support").asBoolean()).isTrue();
    }

    @Test
    void aSendWaitsForReplyAndAdDecisionAndAnswersWithBoth() {
        UUID user = fixtures.user(false);
        UUID session = session(user, fixtures.character(user, Visibility.PRIVATE, false));
        CompletableFuture<JsonNode> answer =
                CompletableFuture.supplyAsync(() -> send(user, session, "How are you?", 200));

        MessageRequested request = fixtures.awaitRequest(session, "How are you?");
        assertThat(request.userIsAdult()).isFalse();
        fixtures.decide(request, 10, true);
        fixtures.reply(request, "Great, thanks!");

        JsonNode body = answer.join();
        assertThat(body.path("reply").asString()).isEqualTo("Great, thanks!");
        assertThat(body.path("show_ad").asBoolean()).isTrue();
        assertThat(body.path("ad_counter").asLong()).isEqualTo(10);
        assertThat(body.path("message_id").asString()).isNotBlank();
        assertThat(body.has("support"))
                .as("only beside a message about self-harm or abuse")
                .isFalse();
    }

    @Test
    void aReplyWhoseAdDecisionDoesNotComeIsFinishedAnywayAndTheSessionTakesMessagesAgain() {
        UUID user = fixtures.user(false);
        UUID session = session(user, fixtures.character(user, Visibility.PRIVATE, false));
        CompletableFuture<JsonNode> answer =
                CompletableFuture.supplyAsync(() -> send(user, session, "Is anyone counting?", 200));

        MessageRequested request = fixtures.awaitRequest(session, "Is anyone counting?");
        fixtures.reply(request, "Not right now.");

        JsonNode body = answer.join();
        assertThat(body.path("reply").asString()).isEqualTo("Not right now.");
        assertThat(body.path("ad_pending").asBoolean()).isTrue();
        assertThat(body.path("show_ad").asBoolean()).isFalse();
        CompletableFuture<JsonNode> next = CompletableFuture.supplyAsync(() -> send(user, session, "And now?", 200));
        MessageRequested second = fixtures.awaitRequest(session, "And now?");
        fixtures.decide(second, 2, false);
        fixtures.reply(second, "Now, yes.");
        assertThat(next.join().has("ad_pending"))
                .as("a decision in before its reply is included at once")
                .isFalse();
    }

    @Test
    void aLateAdDecisionFollowsOnTheSocketAndOnTheRequest() {
        UUID user = fixtures.user(false);
        UUID session = session(user, fixtures.character(user, Visibility.PRIVATE, false));
        try (SocketClient socket = socket(user)) {
            socket.send("{\"type\":\"join_session\",\"session_id\":\"" + session + "\"}");
            socket.awaitType("presence");
            socket.userMessage(session, "tenth message");
            MessageRequested request = fixtures.awaitRequest(session, "tenth message");
            fixtures.reply(request, "tenth reply");

            JsonNode done = socket.awaitType("assistant_done");
            assertThat(done.path("ad_pending").asBoolean()).isTrue();
            assertThat(done.path("show_ad").asBoolean()).isFalse();

            fixtures.decide(request, 10, true);
            JsonNode ad = socket.awaitType("ad");
            assertThat(ad.path("request_id").asString())
                    .isEqualTo(request.requestId().toString());
            assertThat(ad.path("session_id").asString()).isEqualTo(session.toString());
            assertThat(ad.path("show_ad").asBoolean()).isTrue();
            assertThat(ad.path("ad_counter").asLong()).isEqualTo(10);
        }
        http.get()
                .uri("/chat/requests/"
                        + fixtures.awaitRequest(session, "tenth message").requestId())
                .header(HttpHeaders.AUTHORIZATION, bearer(user))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("completed")
                .jsonPath("$.show_ad")
                .isEqualTo(true)
                .jsonPath("$.ad_counter")
                .isEqualTo(10)
                .jsonPath("$.ad_pending")
                .doesNotExist();
    }

    @Test
    void aSecondSendWhileAReplyIsInFlightIsAConflictAndTheFirstReplyFreesTheSession() {
        UUID user = fixtures.user(true);
        UUID session = session(user, fixtures.character(user, Visibility.PRIVATE, false));
        try (SocketClient socket = socket(user)) {
            socket.userMessage(session, "one");
            MessageRequested request = fixtures.awaitRequest(session, "one");

            http.post()
                    .uri("/chat/send")
                    .header(HttpHeaders.AUTHORIZATION, bearer(user))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"session_id\":\"" + session + "\",\"message\":\"two\"}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(409)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("/problems/reply-in-flight");

            fixtures.reply(request, "ok");
            fixtures.decide(request, 1, false);
            socket.awaitType("assistant_done");
            CompletableFuture<JsonNode> second = CompletableFuture.supplyAsync(() -> send(user, session, "two", 200));
            MessageRequested next = fixtures.awaitRequest(session, "two");
            assertThat(next.history()).extracting(h -> h.content()).containsExactly("one", "ok");
            fixtures.reply(next, "fine");
            fixtures.decide(next, 2, false);
            assertThat(second.join().path("ad_counter").asLong()).isEqualTo(2);
        }
    }

    @Test
    void aRedeliveredOrRedoneReplyIsStoredOnce() {
        UUID user = fixtures.user(true);
        UUID session = session(user, fixtures.character(user, Visibility.PRIVATE, false));
        CompletableFuture<JsonNode> answer = CompletableFuture.supplyAsync(() -> send(user, session, "again?", 200));
        MessageRequested request = fixtures.awaitRequest(session, "again?");
        EventEnvelope<ReplyCompleted> first = fixtures.reply(request, "first answer");
        fixtures.publish(first);
        fixtures.reply(request, "second answer from a worker that redid it");
        fixtures.decide(request, 1, false);
        assertThat(answer.join().path("reply").asString()).isEqualTo("first answer");

        JsonNode history = history(user, session);
        assertThat(history.path("items")).hasSize(2);
        assertThat(history.path("items").get(0).path("content").asString()).isEqualTo("first answer");
    }

    @Test
    void aFailedReplyEndsInAnAssistantErrorNotAHang() {
        UUID user = fixtures.user(true);
        UUID session = session(user, fixtures.character(user, Visibility.PRIVATE, false));
        try (SocketClient socket = socket(user)) {
            socket.userMessage(session, "hello?");
            MessageRequested request = fixtures.awaitRequest(session, "hello?");
            fixtures.publish(new ReplyFailed(
                    request.requestId(),
                    session,
                    user,
                    request.character().characterId(),
                    "llm_timeout",
                    "I'm having trouble answering right now. Please try again.",
                    true,
                    Instant.now()));
            JsonNode error = socket.awaitType("assistant_error");
            assertThat(error.path("code").asString()).isEqualTo("llm_timeout");
            assertThat(error.path("request_id").asString())
                    .isEqualTo(request.requestId().toString());
        }
    }

    @Test
    void aSendPastItsWaitAnswers202AndTheRequestCanBeFetchedLater() {
        UUID user = fixtures.user(true);
        UUID session = session(user, fixtures.character(user, Visibility.PRIVATE, false));
        JsonNode accepted = send(user, session, "take your time", 202);
        UUID requestId = UUID.fromString(accepted.path("request_id").asString());
        http.get()
                .uri("/chat/requests/" + requestId)
                .header(HttpHeaders.AUTHORIZATION, bearer(user))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("pending");

        MessageRequested request = fixtures.awaitRequest(session, "take your time");
        fixtures.reply(request, "Done thinking.");
        fixtures.decide(request, 1, false);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> http.get()
                        .uri("/chat/requests/" + requestId)
                        .header(HttpHeaders.AUTHORIZATION, bearer(user))
                        .exchange()
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo("completed")
                        .jsonPath("$.reply")
                        .isEqualTo("Done thinking."));
        http.get()
                .uri("/chat/requests/" + requestId)
                .header(HttpHeaders.AUTHORIZATION, bearer(fixtures.user(true)))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void deletingASessionWhileItsReplyIsInFlightEndsTheSendAndTheStreamAtOnce() {
        UUID user = fixtures.user(true);
        UUID session = session(user, fixtures.character(user, Visibility.PRIVATE, false));
        CompletableFuture<JsonNode> answer =
                CompletableFuture.supplyAsync(() -> send(user, session, "are you there?", 404));
        fixtures.awaitRequest(session, "are you there?");
        deleteSession(user, session);
        assertThat(answer.join().path("type").asString())
                .as("not a 202 for a request that went with the session, after the whole wait")
                .isEqualTo("/problems/not-found");

        UUID streamer = fixtures.user(true);
        UUID streamed = session(streamer, fixtures.character(streamer, Visibility.PRIVATE, false));
        CompletableFuture<String> stream = stream(streamer, streamed, "stream then vanish");
        MessageRequested request = fixtures.awaitRequest(streamed, "stream then vanish");
        fixtures.publish(new ReplyChunk(request.requestId(), streamed, 1, 0, "Half"));
        deleteSession(streamer, streamed);
        assertThat(stream.join()).contains("event:error").contains("\"code\":\"session_deleted\"");
    }

    /** POSTs {@code message} to {@code /chat/stream}; completes with the whole event stream once it ends. */
    private CompletableFuture<String> stream(UUID user, UUID session, String message) {
        return CompletableFuture.supplyAsync(() -> new String(http.post()
                .uri("/chat/stream")
                .header(HttpHeaders.AUTHORIZATION, bearer(user))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .body(JSON.writeValueAsString(Map.of("session_id", session.toString(), "message", message)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody()));
    }

    private void deleteSession(UUID user, UUID session) {
        http.delete()
                .uri("/sessions/" + session)
                .header(HttpHeaders.AUTHORIZATION, bearer(user))
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    @Test
    void aStreamSendsTokensThenDone() {
        UUID user = fixtures.user(true);
        UUID session = session(user, fixtures.character(user, Visibility.PRIVATE, false));
        CompletableFuture<String> stream = stream(user, session, "stream it");
        MessageRequested request = fixtures.awaitRequest(session, "stream it");
        fixtures.reply(request, "Str", "eamed");
        fixtures.decide(request, 1, false);
        String events = stream.join();
        assertThat(events)
                .contains("event:token")
                .contains("\"text\":\"Str\"")
                .contains("event:done")
                .contains("\"reply\":\"Streamed\"");
        assertThat(events.indexOf("event:token")).isLessThan(events.indexOf("event:done"));
    }

    @Test
    void aUserMessageFrameHoldingTheNulCharacterIsAnErrorFrameAndTheSocketStaysOpen() {
        UUID user = fixtures.user(true);
        UUID session = session(user, fixtures.character(user, Visibility.PRIVATE, false));
        try (SocketClient socket = socket(user)) {
            socket.send("{\"type\":\"user_message\",\"session_id\":\"" + session
                    + "\",\"message\":\"hi\\u0000there\",\"client_id\":\"nul\"}");
            JsonNode answer = socket.await(f -> "nul".equals(f.path("client_id").asString()));
            assertThat(answer.path("type").asString()).isEqualTo("error");
            assertThat(answer.path("code").asString()).isEqualTo("invalid_text");

            socket.userMessage(session, "and now plain words", "plain");
            assertThat(socket.await(f -> "plain".equals(f.path("client_id").asString()))
                            .path("type")
                            .asString())
                    .isEqualTo("typing");
            MessageRequested request = fixtures.awaitRequest(session, "and now plain words");
            fixtures.reply(request, "Plainly.");
            fixtures.decide(request, 1, false);
            socket.awaitType("assistant_done");
        }
    }

    @Test
    void aRefusalOverTheSocketCarriesWhatTheProblemCarriesOverHttp() {
        UUID user = fixtures.user(true);
        UUID session = session(user, fixtures.character(user, Visibility.PRIVATE, false));
        try (SocketClient socket = socket(user)) {
            socket.userMessage(session, "how do I kill myself", "help");
            JsonNode refused =
                    socket.await(f -> "help".equals(f.path("client_id").asString()));
            assertThat(refused.path("type").asString()).isEqualTo("error");
            assertThat(refused.path("code").asString()).isEqualTo("content_blocked");
            assertThat(refused.path("policy").asString()).isEqualTo("self-harm");
            assertThat(refused.path("support").asBoolean())
                    .as("a socket client must know to offer crisis resources")
                    .isTrue();
        }
    }

    @Test
    void aUserMessageFrameWhoseMessageIsNotTextIsABadFrameAndNothingIsSent() {
        UUID user = fixtures.user(true);
        UUID session = session(user, fixtures.character(user, Visibility.PRIVATE, false));
        try (SocketClient socket = socket(user)) {
            // The Socket.IO bridge forwards an event's data as it came (its "content" renamed "message"), so these
            // are the frames both /ws and Socket.IO clients reach chat-service with.
            for (String value : List.of("123", "true", "{\"a\":1}", "[\"hi\"]", "1.5")) {
                String clientId = "c-" + UUID.randomUUID();
                socket.send("{\"type\":\"user_message\",\"session_id\":\"" + session + "\",\"message\":" + value
                        + ",\"client_id\":\"" + clientId + "\"}");
                JsonNode answer =
                        socket.await(f -> clientId.equals(f.path("client_id").asString()));
                assertThat(answer.path("type").asString()).as(value).isEqualTo("error");
                assertThat(answer.path("code").asString()).as(value).isEqualTo("bad_frame");
            }
            socket.userMessage(session, "words, at last", "text");
            assertThat(socket.await(f -> "text".equals(f.path("client_id").asString()))
                            .path("type")
                            .asString())
                    .isEqualTo("typing");
            MessageRequested request = fixtures.awaitRequest(session, "words, at last");
            fixtures.reply(request, "Finally.");
            fixtures.decide(request, 1, false);
            socket.awaitType("assistant_done");
        }
        assertThat(fixtures.requestsFor(session)).hasSize(1);
        assertThat(history(user, session).path("items"))
                .extracting(m -> m.path("content").asString())
                .containsExactly("Finally.", "words, at last");
    }

    @Test
    void aClientThatJoinsAgainGetsTheReplyThatFinishedWhileItWasAway() {
        UUID user = fixtures.user(true);
        UUID session = session(user, fixtures.character(user, Visibility.PRIVATE, false));
        CompletableFuture<JsonNode> answer =
                CompletableFuture.supplyAsync(() -> send(user, session, "while away", 200));
        MessageRequested request = fixtures.awaitRequest(session, "while away");
        fixtures.reply(request, "Welcome back!");
        fixtures.decide(request, 1, false);
        answer.join();
        try (SocketClient socket = socket(user)) {
            socket.send("{\"type\":\"join_session\",\"session_id\":\"" + session + "\"}");
            assertThat(socket.awaitType("assistant_done").path("content").asString())
                    .isEqualTo("Welcome back!");
        }
    }

    @Test
    void framesOfSessionsASocketDidNotJoinAreNeverSent() {
        UUID alice = fixtures.user(true);
        UUID bob = fixtures.user(true);
        UUID aliceSession = session(alice, fixtures.character(alice, Visibility.PRIVATE, false));
        try (SocketClient bobSocket = socket(bob)) {
            bobSocket.send("{\"type\":\"join_session\",\"session_id\":\"" + aliceSession + "\"}");
            assertThat(bobSocket.awaitType("error").path("code").asString()).isEqualTo("not_found");
            CompletableFuture<JsonNode> answer =
                    CompletableFuture.supplyAsync(() -> send(alice, aliceSession, "private", 200));
            MessageRequested request = fixtures.awaitRequest(aliceSession, "private");
            fixtures.reply(request, "secret");
            fixtures.decide(request, 1, false);
            answer.join();
            assertThat(bobSocket.frames()).noneMatch(f -> f.toString().contains("secret"));
        }
        try (SocketClient forged = new SocketClient(URI.create("ws://127.0.0.1:" + port + "/ws?access_token=forged"))) {
            assertThat(forged.awaitClosed()).isEqualTo(4401);
        }
    }

    @Test
    void accessFollowsTheCharacterReadModel() {
        UUID owner = fixtures.user(true);
        UUID minor = fixtures.user(false);
        UUID stranger = fixtures.user(true);
        UUID adultCharacter = fixtures.character(owner, Visibility.PUBLIC, true);
        UUID publicCharacter = UUID.randomUUID();
        fixtures.publish(fixtures.character(publicCharacter, owner, Visibility.PUBLIC, false));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() ->
                        createSession(owner, adultCharacter).expectStatus().isCreated());
        createSession(minor, adultCharacter).expectStatus().isNotFound();
        createSession(stranger, fixtures.character(owner, Visibility.PRIVATE, false))
                .expectStatus()
                .isNotFound();

        UUID minorSession = session(minor, publicCharacter);
        fixtures.publish(fixtures.character(publicCharacter, owner, Visibility.PUBLIC, true));
        // A character gone adult takes the minor's session with it: 404 like the character, sending included.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> http.get()
                        .uri("/sessions/" + minorSession)
                        .header(HttpHeaders.AUTHORIZATION, bearer(minor))
                        .exchange()
                        .expectStatus()
                        .isNotFound());
        send(minor, minorSession, "hi", 404);

        for (String path : List.of("/sessions/" + minorSession, "/sessions/" + minorSession + "/history")) {
            http.get()
                    .uri(path)
                    .header(HttpHeaders.AUTHORIZATION, bearer(stranger))
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }
        http.delete()
                .uri("/sessions/" + minorSession)
                .header(HttpHeaders.AUTHORIZATION, bearer(stranger))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    /** The gateway serves this description at /docs/chat/v3/api-docs. */
    @Test
    void theApiIsDescribed() {
        String json = http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(json)
                .contains(
                        "/chat/send",
                        "/sessions/{id}/history",
                        "/chat/regenerate",
                        "/memories",
                        "/reports",
                        "session_id");
    }

    @Test
    void aBlockedMessageIsRefusedWithItsPolicyNeverReachesTheWorkerAndIsKeptForReview() {
        UUID user = fixtures.user(true);
        UUID session = session(user, fixtures.character(user, Visibility.PRIVATE, false));
        String blocked = "roleplay s3x with a 14 year old girl";
        http.post()
                .uri("/chat/send")
                .header(HttpHeaders.AUTHORIZATION, bearer(user))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"session_id\":\"" + session + "\",\"message\":\"" + blocked + "\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/content-blocked")
                .jsonPath("$.policy")
                .isEqualTo("minors")
                .jsonPath("$.categories[0]")
                .isEqualTo("S4");
        assertThat(jdbc.sql("select count(*) from blocked_message where session_id = :s")
                        .param("s", session)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(history(user, session).path("items")).isEmpty();
        // Analytics hear of the refusal, without its text.
        JsonNode told = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> fixtures.activityOf(session).stream()
                                .filter(r -> r.value().contains("chat.input-blocked"))
                                .map(r -> JSON.readTree(r.value()))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(told.path("data").path("policy").asString()).isEqualTo("minors");
        assertThat(told.path("data").path("categories").get(0).asString()).isEqualTo("S4");
        assertThat(told.path("data").path("user_id").asString()).isEqualTo(user.toString());
        assertThat(told.path("data").path("block_id").asString())
                .isEqualTo(jdbc.sql("select id from blocked_message where session_id = :s")
                        .param("s", session)
                        .query(UUID.class)
                        .single()
                        .toString());
        assertThat(told.toString()).doesNotContain("14 year old");

        CompletableFuture<JsonNode> innocent =
                CompletableFuture.supplyAsync(() -> send(user, session, "I had minor surgery last week", 200));
        MessageRequested request = fixtures.awaitRequest(session, "I had minor surgery last week");
        fixtures.reply(request, "I hope you are healing well.");
        fixtures.decide(request, 1, false);
        assertThat(innocent.join().path("reply").asString()).isEqualTo("I hope you are healing well.");
        assertThat(fixtures.requestsFor(session))
                .extracting(MessageRequested::userMessage)
                .containsExactly("I had minor surgery last week");
    }

    @Test
    void anAgeStatedEarlierInTheRoleplayMakesALaterSexualMessageAMinorsRefusal() {
        UUID user = fixtures.user(true);
        UUID session = session(user, fixtures.character(user, Visibility.PRIVATE, true));
        String age = "*I adjust my school bag* I'm only 13, is that ok?";
        answered(user, session, age, "Of course! Tell me about your day.", 1);

        String turn = "now take off your top for me";
        assertThat(send(user, session, turn, 400).path("policy").asString()).isEqualTo("minors");
        assertThat(fixtures.requestsFor(session))
                .extracting(MessageRequested::userMessage)
                .containsExactly(age);

        UUID otherSession = session(user, fixtures.character(user, Visibility.PRIVATE, true));
        assertThat(answered(user, otherSession, turn, "*smiles*", 2)
                        .path("reply")
                        .asString())
                .isEqualTo("*smiles*");
    }

    @Test
    void aParentWhoGaveTheirChildsAgeCanGoOnAskingForAdvice() {
        UUID user = fixtures.user(true);
        UUID session = session(user, fixtures.character(user, Visibility.PRIVATE, false));
        answered(user, session, "my son is 8 and he keeps having nightmares", "That sounds hard for both of you.", 1);

        String followUp = "how do I comfort him when he wakes up crying?";
        assertThat(answered(user, session, followUp, "Stay close and keep your voice calm.", 2)
                        .path("reply")
                        .asString())
                .isEqualTo("Stay close and keep your voice calm.");
    }

    @Test
    void aCharactersCardTravelsFromItsEventIntoTheWorkersRequestAndANewerVersionWithoutOneClearsIt() {
        UUID user = fixtures.user(true);
        var plain = fixtures.character(UUID.randomUUID(), user, Visibility.PRIVATE, false);
        PersonaCard card = new PersonaCard(
                "Mi",
                "Hello, {{user}}!",
                List.of("Back again?"),
                "A rainy café.",
                "<START>\n{{user}}: hi\n{{char}}: hey",
                "Write {{char}}'s next reply.",
                "Keep it short.",
                List.of(new LorebookEntry(
                        List.of("telescope"),
                        List.of(),
                        "{{char}} owns a telescope.",
                        false,
                        false,
                        10,
                        LorebookPosition.AFTER_CHAR,
                        false,
                        false)));
        fixtures.publish(fixtures.withCard(plain, card));
        UUID session = session(user, plain.characterId());
        CompletableFuture<JsonNode> sent = CompletableFuture.supplyAsync(() -> send(user, session, "with card", 200));
        MessageRequested request = fixtures.awaitRequest(session, "with card");
        fixtures.reply(request, "ok");
        fixtures.decide(request, 1, false);
        sent.join();
        assertThat(request.character().card()).isEqualTo(card);

        fixtures.publish(fixtures.withCard(plain, null));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String message = "plain " + UUID.randomUUID();
            CompletableFuture<JsonNode> plainSent =
                    CompletableFuture.supplyAsync(() -> send(user, session, message, 200));
            MessageRequested plainRequest = fixtures.awaitRequest(session, message);
            fixtures.reply(plainRequest, "ok");
            fixtures.decide(plainRequest, fixtures.requestsFor(session).size(), false);
            plainSent.join();
            assertThat(plainRequest.character().card()).isNull();
        });
    }

    @Test
    void aSessionWithACharacterThatHasAGreetingStartsWithItAndItsAlternatesAsSwipes() {
        UUID user = fixtures.user(true);
        var plain = fixtures.character(UUID.randomUUID(), user, Visibility.PRIVATE, false);
        PersonaCard card = new PersonaCard(
                "",
                "*waves* Hi {{user}}, I'm {{char}}!",
                List.of("Oh, <USER>! Back so soon?", " "),
                "",
                "",
                "",
                "",
                List.of());
        fixtures.publish(fixtures.withCard(plain, card));
        UUID session = session(user, plain.characterId());

        JsonNode greeting = history(user, session).path("items");
        assertThat(greeting).hasSize(1);
        assertThat(greeting.get(0).path("role").asString()).isEqualTo("assistant");
        assertThat(greeting.get(0).path("content").asString())
                .as("the username the users read model holds (a rename counts at once), not the token's")
                .isEqualTo("*waves* Hi u" + user.toString().substring(0, 8) + ", I'm Mira!");
        assertThat(greeting.get(0).path("alternative_count").asInt())
                .as("the blank alternate greeting is left out")
                .isEqualTo(2);

        answered(user, session, "hello!", "Nice to see you.", 1);
        assertThat(fixtures.awaitRequest(session, "hello!").history())
                .extracting(h -> h.content())
                .containsExactly(greeting.get(0).path("content").asString());

        UUID empty = session(user, fixtures.character(user, Visibility.PRIVATE, false));
        assertThat(history(user, empty).path("items"))
                .as("no greeting, no first message")
                .isEmpty();
    }

    @Test
    void aMinorsSessionStartsOnlyWithTheGreetingsThatDoNotCourtThem() {
        UUID minor = fixtures.user(false);
        var character = fixtures.character(UUID.randomUUID(), minor, Visibility.PRIVATE, false);
        PersonaCard card = new PersonaCard(
                "",
                "Hi {{user}}, my love! Come here and kiss me, baby.",
                List.of("Hey {{user}}! Ready for today's quiz?", "Our first date was perfect, sweetheart."),
                "",
                "",
                "",
                "",
                List.of());
        fixtures.publish(fixtures.withCard(character, card));

        JsonNode first = history(minor, session(minor, character.characterId()))
                .path("items")
                .get(0);
        assertThat(first.path("content").asString())
                .isEqualTo("Hey u" + minor.toString().substring(0, 8) + "! Ready for today's quiz?");
        assertThat(first.path("alternative_count").asInt()).isEqualTo(1);

        UUID adult = fixtures.user(true);
        var same = fixtures.character(UUID.randomUUID(), adult, Visibility.PRIVATE, false);
        fixtures.publish(fixtures.withCard(same, card));
        JsonNode adults =
                history(adult, session(adult, same.characterId())).path("items").get(0);
        assertThat(adults.path("content").asString())
                .startsWith("Hi u")
                .endsWith("my love! Come here and kiss me, baby.");
        assertThat(adults.path("alternative_count").asInt()).isEqualTo(3);

        var courting = fixtures.character(UUID.randomUUID(), minor, Visibility.PRIVATE, false);
        fixtures.publish(fixtures.withCard(
                courting,
                new PersonaCard("", "*kisses your cheek* Missed you, darling.", List.of(), "", "", "", "", List.of())));
        assertThat(history(minor, session(minor, courting.characterId())).path("items"))
                .as("no greeting fit for a minor, no first message")
                .isEmpty();
    }

    @Test
    void aCharacterWhoseEventIsStillOnItsWayCanBeChattedWithAtOnce() {
        UUID user = fixtures.user(true);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> createSession(user, UUID.randomUUID())
                                .returnResult(byte[].class)
                                .getStatus()
                                .value()
                        == 404);
        UUID character = UUID.randomUUID();
        // The event lags the owner's 201 by a moment, as it does when character-service's outbox relays it.
        CompletableFuture.runAsync(
                () -> fixtures.publish(fixtures.character(character, user, Visibility.PRIVATE, false)),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

        createSession(user, character).expectStatus().isCreated();
    }

    @Test
    void aCharacterTakenDownOrHiddenIsChattedWithByNobodyItsOwnerIncluded() {
        UUID owner = fixtures.user(true);
        UUID fan = fixtures.user(true);
        var published = fixtures.character(UUID.randomUUID(), owner, Visibility.PUBLIC, false);
        fixtures.publish(published);
        UUID ownersSession = session(owner, published.characterId());
        UUID fansSession = session(fan, published.characterId());

        fixtures.publish(fixtures.moderated(published, ModerationStatus.TAKEN_DOWN));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> http.post()
                                .uri("/chat/send")
                                .header(HttpHeaders.AUTHORIZATION, bearer(fan))
                                .contentType(MediaType.APPLICATION_JSON)
                                .body("{\"session_id\":\"" + fansSession + "\",\"message\":\"hi\"}")
                                .exchange()
                                .returnResult(byte[].class)
                                .getStatus()
                                .value()
                        == 404);
        send(owner, ownersSession, "hello?", 404);
        createSession(owner, published.characterId()).expectStatus().isNotFound();
        assertThat(fixtures.requestsFor(ownersSession)).isEmpty();
    }

    @Test
    void aDisabledAccountIsRefusedAtOnceWhateverItsTokenSays() {
        UUID user = fixtures.user(true);
        UUID session = session(user, fixtures.character(user, Visibility.PRIVATE, false));
        fixtures.publish(new UserUpdated(user, "gone", Plan.FREE, true, UserStatus.DISABLED, List.of("status")));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> http.get()
                                .uri("/sessions/" + session)
                                .header(HttpHeaders.AUTHORIZATION, bearer(user))
                                .exchange()
                                .returnResult(byte[].class)
                                .getStatus()
                                .value()
                        == 401);
        send(user, session, "still there?", 401);
    }

    private UUID session(UUID user, UUID character) {
        JsonNode created = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            byte[] body = createSession(user, character)
                                    .returnResult(byte[].class)
                                    .getResponseBody();
                            JsonNode node = body == null ? null : JSON.readTree(body);
                            return node != null && node.has("id") ? node : null;
                        },
                        n -> n != null);
        return UUID.fromString(created.path("id").asString());
    }

    private RestTestClient.ResponseSpec createSession(UUID user, UUID character) {
        return http.post()
                .uri("/sessions")
                .header(HttpHeaders.AUTHORIZATION, bearer(user))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"character_id\":\"" + character + "\"}")
                .exchange();
    }

    /** Sends a message and answers it as the worker and ad-service would; returns the send's answer. */
    private JsonNode answered(UUID user, UUID session, String message, String reply, long adCounter) {
        CompletableFuture<JsonNode> sent = CompletableFuture.supplyAsync(() -> send(user, session, message, 200));
        MessageRequested request = fixtures.awaitRequest(session, message);
        fixtures.reply(request, reply);
        fixtures.decide(request, adCounter, false);
        return sent.join();
    }

    private JsonNode send(UUID user, UUID session, String message, int expectedStatus) {
        byte[] body = http.post()
                .uri("/chat/send")
                .header(HttpHeaders.AUTHORIZATION, bearer(user))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"session_id\":\"" + session + "\",\"message\":\"" + message + "\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(expectedStatus)
                .expectBody()
                .returnResult()
                .getResponseBody();
        return JSON.readTree(body);
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
                .getResponseBody());
    }

    private SocketClient socket(UUID user) {
        return new SocketClient(URI.create("ws://127.0.0.1:" + port + "/ws?access_token="
                + TestJwks.shared().token(user, "free", true)));
    }

    private static String bearer(UUID user) {
        return "Bearer " + TestJwks.shared().token(user, "free", true);
    }
}
