package com.companion.ad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.contracts.EventEnvelope;
import com.companion.contracts.EventJson;
import com.companion.contracts.Plan;
import com.companion.contracts.Topics;
import com.companion.contracts.ads.AdDecision;
import com.companion.contracts.auth.ExportRequested;
import com.companion.contracts.chat.ReplyCompleted;
import com.companion.contracts.chat.TokenUsage;
import com.companion.contracts.export.ExportPartReady;
import com.companion.platform.export.ExportStorage;
import com.companion.platform.test.IntegrationTest;
import com.companion.platform.test.KafkaProbe;
import com.companion.platform.test.TestJwks;
import com.companion.platform.test.TestS3;
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
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ad-service's part of a data export: the user's session counters with their counted replies and the
 * ads they were shown, in the bucket (S3Mock over HTTP), announced once even when the request is
 * delivered twice; another user's rows stay out.
 */
@IntegrationTest
@AutoConfigureRestTestClient
@ContextConfiguration(initializers = TestS3.Initializer.class)
class AccountExportIT {

    static KafkaProbe decisions;
    static KafkaProbe parts;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    RestTestClient http;

    @BeforeAll
    static void probe() {
        decisions = new KafkaProbe(Topics.AD_DECISIONS);
        parts = new KafkaProbe(Topics.EXPORT_PARTS);
    }

    @AfterAll
    static void close() {
        decisions.close();
        parts.close();
    }

    @Test
    void theUsersCountersRepliesAndImpressionsAreWrittenAndAnnouncedOnce() throws Exception {
        UUID user = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            send(EventEnvelope.wrap(reply(session, user)));
        }
        send(EventEnvelope.wrap(reply(UUID.randomUUID(), other)));
        List<AdDecision> decided =
                await().atMost(Duration.ofSeconds(30)).until(() -> decisionsFor(session), list -> list.size() == 10);
        AdDecision withAd = decided.get(9);
        assertThat(withAd.showAd()).isTrue();
        http.post()
                .uri("/ads/impressions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestJwks.shared().token(user, "free", true))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"ad_id\":\"" + withAd.ad().adId() + "\",\"session_id\":\"" + session
                        + "\",\"event\":\"shown\"}")
                .exchange()
                .expectStatus()
                .isAccepted();

        UUID exportId = UUID.randomUUID();
        EventEnvelope<ExportRequested> request = EventEnvelope.wrap(new ExportRequested(exportId, user, Instant.now()));
        send(request);

        ExportPartReady ready = await().atMost(Duration.ofSeconds(30))
                .until(() -> partsOf(exportId), list -> !list.isEmpty())
                .getFirst();
        assertThat(ready.service()).isEqualTo("ad-service");
        assertThat(ready.key()).isEqualTo(ExportStorage.partKey(exportId, "ad-service"));
        JsonNode part = JsonMapper.builder().build().readTree(TestS3.read(ready.key()));
        assertThat(part.path("user_id").asString()).isEqualTo(user.toString());
        assertThat(part.path("sessions").size()).isEqualTo(1);
        JsonNode counter = part.path("sessions").get(0);
        assertThat(counter.path("session_id").asString()).isEqualTo(session.toString());
        assertThat(counter.path("replies").asLong()).isEqualTo(10);
        assertThat(counter.path("counted_replies").size()).isEqualTo(10);
        assertThat(counter.path("counted_replies").get(9).path("show_ad").asBoolean())
                .isTrue();
        assertThat(part.path("impressions").size()).isEqualTo(1);
        assertThat(part.path("impressions").get(0).path("ad_id").asString())
                .isEqualTo(withAd.ad().adId().toString());
        assertThat(part.path("impressions").get(0).path("event").asString()).isEqualTo("shown");

        send(request); // redelivered
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> partsOf(exportId).size() == 1);
    }

    private List<AdDecision> decisionsFor(UUID session) {
        return decisions.records().stream()
                .map(r -> EventJson.decode(r.value()).data())
                .map(AdDecision.class::cast)
                .filter(d -> d.sessionId().equals(session))
                .toList();
    }

    private static List<ExportPartReady> partsOf(UUID exportId) {
        return parts.records().stream()
                .filter(record -> exportId.toString().equals(record.key()))
                .map(record ->
                        (ExportPartReady) EventJson.decode(record.value()).data())
                .toList();
    }

    private void send(EventEnvelope<?> envelope) throws Exception {
        kafka.send(envelope.topic(), envelope.key(), EventJson.encode(envelope)).get();
    }

    private static ReplyCompleted reply(UUID session, UUID user) {
        return new ReplyCompleted(
                UUID.randomUUID(),
                session,
                user,
                UUID.randomUUID(),
                Plan.FREE,
                "Hello there!",
                "stop",
                new TokenUsage(12, 3, 15),
                "test-model",
                120,
                40,
                1,
                Instant.now());
    }
}
