package com.companion.analytics;

import static com.companion.analytics.AnalyticsEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.companion.analytics.AnalyticsEvents.Chat;
import com.companion.contracts.Event;
import com.companion.contracts.EventTypes;
import com.companion.contracts.ads.ImpressionAction;
import com.companion.platform.test.IntegrationTest;
import com.companion.platform.test.TestJwks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * A scripted day of chats on the real broker, through the whole pipeline (exactly-once, repartitions,
 * changelogs, the rollup topic and the global store), read back through the HTTP API: exactly the figures the
 * script implies, redeliveries, failures and fallbacks per model included.
 */
@IntegrationTest(
        database = false,
        properties = {
            "spring.kafka.streams.application-id=analytics-it-${random.uuid}",
            "spring.kafka.streams.state-dir=${java.io.tmpdir}/analytics-it-${random.uuid}",
            "spring.kafka.streams.properties.commit.interval.ms=50"
        })
@AutoConfigureRestTestClient
class AnalyticsServiceIT {

    private static final String MODEL_A = "model-a";
    private static final String MODEL_B = "model-b";

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    RestTestClient http;

    @Test
    void aScriptedDayOfChatsGivesExactlyItsFiguresThroughTheApi() throws Exception {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        Instant morning = day.atTime(8, 0).toInstant(ZoneOffset.UTC);
        UUID luna = UUID.randomUUID();
        UUID max = UUID.randomUUID();
        Chat ann = Chat.with(luna);
        Chat bob = Chat.with(luna);
        Chat cat = Chat.with(max);

        send(ann.registered(morning), morning);
        send(bob.registered(morning), morning);
        for (Chat chat : List.of(ann, bob, cat)) {
            send(chat.started(morning.plusSeconds(60)), morning.plusSeconds(60));
        }
        UUID annThird = UUID.randomUUID();
        turn(ann, UUID.randomUUID(), MODEL_A, 100, 10, 1000, morning.plusSeconds(600));
        turn(ann, UUID.randomUUID(), MODEL_A, 200, 20, 2000, morning.plusSeconds(700));
        turn(ann, annThird, MODEL_A, 300, 30, 3000, morning.plusSeconds(800));
        // Model A could not serve bob's first request and model B wrote the reply: a fallback, not a failure.
        UUID bobFirst = UUID.randomUUID();
        send(bob.sent(bobFirst, morning.plusSeconds(900)), morning.plusSeconds(900));
        Instant fellBack = morning.plusSeconds(900).plusMillis(500);
        send(bob.completed(bobFirst, MODEL_B, MODEL_A, 50, 5, 500, fellBack), fellBack);
        UUID bobSecond = UUID.randomUUID();
        turn(bob, bobSecond, MODEL_B, 50, 5, 500, morning.plusSeconds(1000));
        // The worker redid bob's second request after a crash: another outcome, a new event id, one turn (the
        // first outcome's: no fallback).
        Instant redone = morning.plusSeconds(1010);
        send(bob.completed(bobSecond, MODEL_B, MODEL_A, 50, 7, 900, redone), redone);

        Instant evening = day.atTime(21, 0).toInstant(ZoneOffset.UTC);
        UUID blocked = UUID.randomUUID();
        send(cat.sent(blocked, evening), evening);
        send(cat.blocked(blocked, "input", List.of("S12"), evening.plusSeconds(1)), evening.plusSeconds(1));
        UUID failed = UUID.randomUUID();
        send(cat.sent(failed, evening.plusSeconds(60)), evening.plusSeconds(60));
        send(cat.failed(failed, "llm_timeout", MODEL_A, evening.plusSeconds(90)), evening.plusSeconds(90));
        // Redone after a crash: the same failure again, counted once.
        send(cat.failed(failed, "llm_timeout", MODEL_A, evening.plusSeconds(95)), evening.plusSeconds(95));
        turn(cat, UUID.randomUUID(), MODEL_A, 10, 1, 4000, evening.plusSeconds(120));
        // Too old when the worker took it: no model was called, so it is no model's failure.
        UUID expired = UUID.randomUUID();
        send(cat.sent(expired, evening.plusSeconds(200)), evening.plusSeconds(200));
        send(cat.failed(expired, "request_expired", evening.plusSeconds(260)), evening.plusSeconds(260));

        Instant adTime = morning.plusSeconds(801);
        send(ann.decision(annThird, 3, true, adTime), adTime);
        String shown = envelope(ann.impression(annThird, ImpressionAction.SHOWN, adTime), adTime);
        kafka.send(
                        com.companion.contracts.Topics.AD_IMPRESSIONS,
                        ann.sessionId().toString(),
                        shown)
                .get();
        // An outbox resend: the very same record again.
        kafka.send(
                        com.companion.contracts.Topics.AD_IMPRESSIONS,
                        ann.sessionId().toString(),
                        shown)
                .get();
        send(ann.impression(annThird, ImpressionAction.CLICKED, adTime.plusSeconds(5)), adTime.plusSeconds(5));

        Instant today = day.plusDays(1).atTime(0, 0, 30).toInstant(ZoneOffset.UTC);
        send(ann.sent(UUID.randomUUID(), today), today);

        String admin = TestJwks.shared().token(UUID.randomUUID(), "premium", true, "user", "admin");
        String query = "/admin/analytics/daily?from=" + day + "&to=" + day.plusDays(1);
        JsonNode days = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> get(query, admin),
                        body -> body.size() == 2
                                && body.get(0).path("turns").asLong() == 6
                                && body.get(0).path("ad_clicks").asLong() == 1
                                && body.get(0).path("failures").asLong() == 2
                                && body.get(0).path("active_users").asLong() == 3
                                && body.get(1).path("messages_sent").asLong() == 1
                                && body.get(1).path("active_users").asLong() == 1);

        JsonNode figures = days.get(0);
        assertThat(figures.path("date").asString()).isEqualTo(day.toString());
        assertThat(figures.path("active_users").asLong()).isEqualTo(3);
        assertThat(figures.path("new_users").asLong()).isEqualTo(2);
        assertThat(figures.path("sessions_started").asLong()).isEqualTo(3);
        assertThat(figures.path("messages_sent").asLong()).isEqualTo(9);
        assertThat(figures.path("turns").asLong()).isEqualTo(6);
        assertThat(figures.path("tokens_in").asLong()).isEqualTo(710);
        assertThat(figures.path("tokens_out").asLong()).isEqualTo(71);
        assertThat(figures.path("ads_decided").asLong()).isEqualTo(1);
        assertThat(figures.path("ads_shown").asLong()).isEqualTo(1);
        assertThat(figures.path("ad_clicks").asLong()).isEqualTo(1);
        assertThat(figures.path("blocked_inputs").asLong()).isEqualTo(1);
        assertThat(figures.path("blocked_outputs").asLong()).isZero();
        assertThat(figures.path("blocked_inputs_by_category").path("S12").asLong())
                .isEqualTo(1);
        assertThat(figures.path("failures").asLong()).isEqualTo(2);
        assertThat(figures.path("failures_by_reason").path("llm_timeout").asLong())
                .isEqualTo(1);
        assertThat(figures.path("failures_by_reason").path("request_expired").asLong())
                .isEqualTo(1);
        assertThat(figures.path("fallbacks").asLong()).isEqualTo(1);
        // Latencies 500, 500, 1000, 2000, 3000, 4000 ms, within HdrHistogram's 1%.
        assertThat(figures.path("reply_p50_ms").asLong()).isCloseTo(1000, within(10L));
        assertThat(figures.path("reply_p95_ms").asLong()).isCloseTo(4000, within(40L));
        assertThat(days.get(1).path("active_users").asLong()).isEqualTo(1);
        assertThat(days.get(1).path("turns").asLong()).isZero();

        String metrics = http.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(metrics).containsPattern("(?m)^analytics_today_active_users(\\{[^}]*})? 1\\.0$");

        JsonNode top = get("/admin/analytics/characters/top?limit=10&days=2", admin);
        assertThat(top).hasSize(2);
        assertThat(top.get(0).path("character_id").asString()).isEqualTo(luna.toString());
        assertThat(top.get(0).path("turns").asLong()).isEqualTo(5);
        assertThat(top.get(0).path("sessions_started").asLong()).isEqualTo(2);
        assertThat(top.get(1).path("character_id").asString()).isEqualTo(max.toString());
        assertThat(top.get(1).path("turns").asLong()).isEqualTo(1);
        assertThat(top.get(1).path("messages_sent").asLong()).isEqualTo(4);

        // A model's rollup may reach the store a commit after the product's.
        JsonNode models = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> get("/admin/analytics/models?days=2", admin),
                        body -> body.size() == 2
                                && body.get(0).path("failures").asLong() == 1
                                && body.get(1).path("fallbacks").asLong() == 1);
        assertThat(models).hasSize(2);
        assertThat(models.get(0).path("model").asString()).isEqualTo(MODEL_A);
        assertThat(models.get(0).path("turns").asLong()).isEqualTo(4);
        assertThat(models.get(0).path("tokens_in").asLong()).isEqualTo(610);
        assertThat(models.get(0).path("tokens_out").asLong()).isEqualTo(61);
        assertThat(models.get(0).path("fallbacks").asLong()).isZero();
        assertThat(models.get(0).path("failures").asLong()).isEqualTo(1);
        assertThat(models.get(0).path("failures_by_reason").toString()).isEqualTo("{\"llm_timeout\":1}");
        assertThat(models.get(0).has("latency")).isFalse();
        assertThat(models.get(1).path("model").asString()).isEqualTo(MODEL_B);
        assertThat(models.get(1).path("turns").asLong()).isEqualTo(2);
        assertThat(models.get(1).path("fallbacks").asLong()).isEqualTo(1);
        assertThat(models.get(1).path("failures").asLong()).isZero();
        assertThat(models.get(1).path("failures_by_reason").toString()).isEqualTo("{}");
        assertThat(models.get(1).path("latency_p95_ms").asLong()).isCloseTo(500, within(5L));
    }

    @Test
    void aCallerWithoutTheAdminRoleGetsNotFound() {
        String user = TestJwks.shared().token(UUID.randomUUID(), "premium", true, "user");
        for (String path :
                List.of("/admin/analytics/daily", "/admin/analytics/characters/top", "/admin/analytics/models")) {
            http.get()
                    .uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + user)
                    .exchange()
                    .expectStatus()
                    .isNotFound();
            // a method the route does not take must not tell them the route exists (405); the 404 reads as the
            // gateway's own, with instance and request_id
            http.post()
                    .uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + user)
                    .header("X-Request-Id", "req-42")
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("/problems/not-found")
                    .jsonPath("$.instance")
                    .isEqualTo(path)
                    .jsonPath("$.request_id")
                    .isEqualTo("req-42");
        }
        http.get().uri("/admin/analytics/daily").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aRangeTheApiDoesNotServeIsAProblem() {
        String admin = TestJwks.shared().token(UUID.randomUUID(), "premium", true, "user", "admin");
        http.get()
                .uri("/admin/analytics/daily?from=2026-12-02&to=2026-12-01")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/invalid-range");
    }

    @Test
    void aLimitOrADayCountOutOfRangeIsAValidationProblemNamingTheParameter() {
        String admin = TestJwks.shared().token(UUID.randomUUID(), "premium", true, "user", "admin");
        expectInvalid(admin, "/admin/analytics/characters/top?limit=101", "limit");
        expectInvalid(admin, "/admin/analytics/characters/top?limit=0", "limit");
        expectInvalid(admin, "/admin/analytics/characters/top?days=0", "days");
        expectInvalid(admin, "/admin/analytics/characters/top?days=367", "days");
        expectInvalid(admin, "/admin/analytics/characters/top?limit=101&days=0", "days", "limit");
        expectInvalid(admin, "/admin/analytics/models?days=0", "days");

        String user = TestJwks.shared().token(UUID.randomUUID(), "premium", true, "user");
        http.get()
                .uri("/admin/analytics/characters/top?limit=101")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + user)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private void expectInvalid(String token, String path, String... fields) {
        JsonNode problem = http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(problem.path("type").asString()).as(path).isEqualTo("/problems/validation");
        assertThat(problem.path("errors").findValuesAsString("field")).as(path).containsExactly(fields);
        problem.path("errors")
                .forEach(e -> assertThat(e.path("message").asString()).as(path).startsWith("must be between 1 and "));
    }

    private void turn(Chat chat, UUID request, String model, int in, int out, long latencyMs, Instant at)
            throws Exception {
        send(chat.sent(request, at), at);
        Instant done = at.plusMillis(latencyMs);
        send(chat.completed(request, model, in, out, latencyMs, done), done);
    }

    private void send(Event event, Instant at) throws Exception {
        kafka.send(EventTypes.of(event.getClass()).topic(), event.partitionKey(), envelope(event, at))
                .get();
    }

    private JsonNode get(String path, String token) {
        return http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }
}
