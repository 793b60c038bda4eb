package com.companion.ad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.contracts.EventEnvelope;
import com.companion.contracts.EventJson;
import com.companion.contracts.Plan;
import com.companion.contracts.Topics;
import com.companion.contracts.ads.AdDecision;
import com.companion.contracts.auth.UserDeleted;
import com.companion.contracts.chat.ReplyCompleted;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/** auth.user-deleted erases a user's counters, counted replies and impressions; later replies are not counted. */
@IntegrationTest
@AutoConfigureRestTestClient
class AccountErasureIT {

    static KafkaProbe decisions;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void probe() {
        decisions = new KafkaProbe(Topics.AD_DECISIONS);
    }

    @AfterAll
    static void close() {
        decisions.close();
    }

    @Test
    void aDeletedUsersCountersRepliesAndImpressionsAreErasedAndOthersStay() throws Exception {
        UUID leaving = UUID.randomUUID();
        UUID staying = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        UUID otherSession = UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            send(EventEnvelope.wrap(reply(session, leaving, Plan.FREE)));
        }
        send(EventEnvelope.wrap(reply(otherSession, staying, Plan.FREE)));
        List<AdDecision> decided =
                await().atMost(Duration.ofSeconds(30)).until(() -> decisionsFor(session), list -> list.size() == 10);
        AdDecision withAd = decided.get(9);
        assertThat(withAd.showAd()).isTrue();
        String token = TestJwks.shared().token(leaving, "free", true);
        http.post()
                .uri("/ads/impressions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"ad_id\":\"" + withAd.ad().adId() + "\",\"session_id\":\"" + session
                        + "\",\"event\":\"shown\"}")
                .exchange()
                .expectStatus()
                .isAccepted();
        await().atMost(Duration.ofSeconds(30)).until(() -> count("session_counter", "session_id", otherSession) == 1);
        assertThat(count("impression", "user_id", leaving)).isEqualTo(1);
        assertThat(count("counted_reply", "session_id", session)).isEqualTo(10);

        send(EventEnvelope.wrap(new UserDeleted(leaving)));

        await().atMost(Duration.ofSeconds(30)).until(() -> count("session_counter", "user_id", leaving) == 0);
        assertThat(count("impression", "user_id", leaving)).isZero();
        assertThat(count("counted_reply", "session_id", session)).isZero();

        send(EventEnvelope.wrap(reply(session, leaving, Plan.FREE)));
        UUID marker = UUID.randomUUID();
        // keyed like the late reply, so once the marker is counted the late reply was consumed too
        EventEnvelope<ReplyCompleted> markerReply = EventEnvelope.wrap(reply(marker, staying, Plan.FREE));
        kafka.send(markerReply.topic(), session.toString(), EventJson.encode(markerReply))
                .get();
        await().atMost(Duration.ofSeconds(30)).until(() -> count("session_counter", "session_id", marker) == 1);
        assertThat(count("session_counter", "user_id", leaving))
                .as("a reply that arrives after the deletion is not counted")
                .isZero();
        assertThat(count("session_counter", "user_id", staying)).isEqualTo(2);
        assertThat(count("counted_reply", "session_id", otherSession)).isEqualTo(1);
    }

    private int count(String table, String column, UUID value) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = :v")
                .param("v", value)
                .query(Integer.class)
                .single();
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

    private static ReplyCompleted reply(UUID session, UUID user, Plan plan) {
        return new ReplyCompleted(
                UUID.randomUUID(),
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
}
