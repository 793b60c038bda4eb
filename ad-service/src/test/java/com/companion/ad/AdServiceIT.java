package com.companion.ad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.contracts.EventEnvelope;
import com.companion.contracts.EventJson;
import com.companion.contracts.Plan;
import com.companion.contracts.Topics;
import com.companion.contracts.ads.AdDecision;
import com.companion.contracts.ads.AdImpression;
import com.companion.contracts.ads.ImpressionAction;
import com.companion.contracts.chat.ReplyBlocked;
import com.companion.contracts.chat.ReplyCompleted;
import com.companion.contracts.chat.ReplyFailed;
import com.companion.contracts.chat.TokenUsage;
import com.companion.platform.test.IntegrationTest;
import com.companion.platform.test.KafkaProbe;
import com.companion.platform.test.TestJwks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
@AutoConfigureRestTestClient
class AdServiceIT {

    static KafkaProbe decisions;
    static KafkaProbe impressions;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    RestTestClient http;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeAll
    static void probe() {
        decisions = new KafkaProbe(Topics.AD_DECISIONS);
        impressions = new KafkaProbe(Topics.AD_IMPRESSIONS);
    }

    @AfterAll
    static void close() {
        decisions.close();
        impressions.close();
    }

    /** The gateway serves this description at /docs/ad/v3/api-docs. */
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
        assertThat(json).contains("/ads/next", "/ads/impressions", "session_id");
    }

    @Test
    void everyTenthReplyOfAFreeSessionBringsAnAdAndNoOtherDoes() throws Exception {
        UUID session = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            send(EventEnvelope.wrap(reply(session, user, UUID.randomUUID(), Plan.FREE)));
        }

        List<AdDecision> decided =
                await().atMost(Duration.ofSeconds(30)).until(() -> decisionsFor(session), list -> list.size() == 20);
        assertThat(decided)
                .extracting(AdDecision::adCounter)
                .containsExactlyElementsOf(
                        java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());
        assertThat(decided)
                .filteredOn(AdDecision::showAd)
                .extracting(AdDecision::adCounter)
                .containsExactly(10L, 20L);
        assertThat(decided)
                .filteredOn(AdDecision::showAd)
                .allSatisfy(d -> assertThat(d.ad()).isNotNull());
        assertThat(decided)
                .filteredOn(d -> !d.showAd())
                .allSatisfy(d -> assertThat(d.ad()).isNull());

        String token = TestJwks.shared().token(user, "free", true);
        http.get()
                .uri("/ads/next?session_id=" + session)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.ad_id")
                .exists();
        UUID shownAd = decided.get(19).ad().adId();
        for (int i = 0; i < 3; i++) {
            for (String event : List.of("shown", "clicked")) {
                impression(token, shownAd, session, event).expectStatus().isAccepted();
            }
        }
        assertThat(jdbc.sql(
                                "select event, count(*) from impression where session_id = :s group by event order by event")
                        .param("s", session)
                        .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
                        .list())
                .as("one shown and one clicked for the decision, however often they are posted")
                .containsExactly("clicked=1", "shown=1");
        List<AdImpression> published =
                await().atMost(Duration.ofSeconds(30)).until(() -> impressionsFor(session), list -> list.size() >= 2);
        assertThat(published)
                .extracting(AdImpression::action)
                .containsExactlyInAnyOrder(ImpressionAction.SHOWN, ImpressionAction.CLICKED);
        assertThat(published).allSatisfy(impression -> {
            assertThat(impression.decisionId()).isEqualTo(decided.get(19).requestId());
            assertThat(impression.adId()).isEqualTo(shownAd);
            assertThat(impression.userId()).isEqualTo(user);
        });
        UUID neverDecided = java.util.stream.Stream.of(
                        "5b8f6c1e-0d7a-4f3e-9a61-1c2d3e4f5a01",
                        "5b8f6c1e-0d7a-4f3e-9a61-1c2d3e4f5a02",
                        "5b8f6c1e-0d7a-4f3e-9a61-1c2d3e4f5a03",
                        "5b8f6c1e-0d7a-4f3e-9a61-1c2d3e4f5a04")
                .map(UUID::fromString)
                .filter(ad -> !ad.equals(decided.get(9).ad().adId()) && !ad.equals(shownAd))
                .findFirst()
                .orElseThrow();
        impression(token, neverDecided, session, "clicked").expectStatus().isNotFound();
        String stranger = TestJwks.shared().token(UUID.randomUUID(), "free", true);
        http.get()
                .uri("/ads/next?session_id=" + session)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + stranger)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void aSessionWithNoCountedReplyYetHasNoAdDue() {
        String token = TestJwks.shared().token(UUID.randomUUID(), "free", true);
        http.get()
                .uri("/ads/next?session_id=" + UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    private static List<AdImpression> impressionsFor(UUID session) {
        return impressions.records().stream()
                .filter(r -> r.key().equals(session.toString()))
                .map(r -> (AdImpression) EventJson.decode(r.value()).data())
                .toList();
    }

    private RestTestClient.ResponseSpec impression(String token, UUID ad, UUID session, String event) {
        return http.post()
                .uri("/ads/impressions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"ad_id\":\"" + ad + "\",\"session_id\":\"" + session + "\",\"event\":\"" + event + "\"}")
                .exchange();
    }

    @Test
    void premiumRepliesNeverBringAnAd() throws Exception {
        UUID session = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            send(EventEnvelope.wrap(reply(session, user, UUID.randomUUID(), Plan.PREMIUM)));
        }
        List<AdDecision> decided =
                await().atMost(Duration.ofSeconds(30)).until(() -> decisionsFor(session), list -> list.size() == 10);
        assertThat(decided).noneMatch(AdDecision::showAd);
        assertThat(decided.getLast().adCounter()).isEqualTo(10);
    }

    @Test
    void aRedeliveredOrRedoneReplyIsCountedOnce() throws Exception {
        UUID session = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        EventEnvelope<ReplyCompleted> first = EventEnvelope.wrap(reply(session, user, request, Plan.FREE));
        send(first);
        send(first);
        send(EventEnvelope.wrap(reply(session, user, request, Plan.FREE)));
        UUID next = UUID.randomUUID();
        send(EventEnvelope.wrap(reply(session, user, next, Plan.FREE)));

        List<AdDecision> decided = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> decisionsFor(session),
                        list -> list.stream().anyMatch(d -> d.requestId().equals(next)));
        assertThat(decided).extracting(AdDecision::requestId).containsExactly(request, next);
        assertThat(decided).extracting(AdDecision::adCounter).containsExactly(1L, 2L);
    }

    /**
     * A worker killed after publishing an outcome but before committing its offset redoes the
     * request, and the redo may end otherwise. chat-service keeps the first outcome on the partition;
     * ad-service must too, or it counts a reply chat-service never stored.
     */
    @Test
    void onlyARequestWhoseFirstOutcomeIsAReplyIsCounted() throws Exception {
        UUID session = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        UUID refusedFirst = UUID.randomUUID();
        UUID failedFirst = UUID.randomUUID();
        UUID repliedFirst = UUID.randomUUID();
        send(EventEnvelope.wrap(blocked(session, user, refusedFirst)));
        send(EventEnvelope.wrap(reply(session, user, refusedFirst, Plan.FREE)));
        send(EventEnvelope.wrap(failed(session, user, failedFirst)));
        send(EventEnvelope.wrap(reply(session, user, failedFirst, Plan.FREE)));
        send(EventEnvelope.wrap(reply(session, user, repliedFirst, Plan.FREE)));
        send(EventEnvelope.wrap(blocked(session, user, repliedFirst)));
        UUID next = UUID.randomUUID();
        send(EventEnvelope.wrap(reply(session, user, next, Plan.FREE)));

        List<AdDecision> decided = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> decisionsFor(session),
                        list -> list.stream().anyMatch(d -> d.requestId().equals(next)));
        assertThat(decided).extracting(AdDecision::requestId).containsExactly(repliedFirst, next);
        assertThat(decided).extracting(AdDecision::adCounter).containsExactly(1L, 2L);
        assertThat(jdbc.sql("select replies from session_counter where session_id = :s")
                        .param("s", session)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    private List<AdDecision> decisionsFor(UUID session) {
        return decisions.records().stream()
                .map(r -> EventJson.decode(r.value()).data())
                .map(AdDecision.class::cast)
                .filter(d -> d.sessionId().equals(session))
                .toList();
    }

    private void send(EventEnvelope<?> envelope) throws Exception {
        kafka.send(envelope.topic(), envelope.key(), EventJson.encode(envelope)).get();
    }

    private static ReplyCompleted reply(UUID session, UUID user, UUID request, Plan plan) {
        return new ReplyCompleted(
                request,
                session,
                user,
                UUID.randomUUID(),
                plan,
                "Hello there!",
                "stop",
                new TokenUsage(12, 3, 15),
                "test-model",
                120,
                40,
                1,
                Instant.now());
    }

    private static ReplyBlocked blocked(UUID session, UUID user, UUID request) {
        return new ReplyBlocked(
                request,
                session,
                user,
                UUID.randomUUID(),
                "output",
                "S11",
                List.of("S11"),
                "Let's talk about something else.",
                Instant.now());
    }

    private static ReplyFailed failed(UUID session, UUID user, UUID request) {
        return new ReplyFailed(
                request,
                session,
                user,
                UUID.randomUUID(),
                "provider_timeout",
                "That took too long. Please try again.",
                true,
                Instant.now(),
                "test-model");
    }
}
