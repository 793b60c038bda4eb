package com.companion.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.contracts.EventEnvelope;
import com.companion.contracts.EventJson;
import com.companion.contracts.Plan;
import com.companion.contracts.Topics;
import com.companion.contracts.auth.SessionRevoked;
import com.companion.contracts.auth.UserRegistered;
import com.companion.contracts.auth.UserStatus;
import com.companion.platform.messaging.testapp.AppliedCounter;
import com.companion.platform.messaging.testapp.TestMessagingApp;
import com.companion.platform.test.IntegrationTest;
import com.companion.platform.test.KafkaProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.core.KafkaTemplate;

@IntegrationTest(webEnvironment = WebEnvironment.NONE, classes = TestMessagingApp.class)
class ConsumerDeliveryIT {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    AppliedCounter counter;

    @Test
    void whenSameEventIsDeliveredTwiceThenItIsAppliedOnce() throws Exception {
        String username = "twice-" + UUID.randomUUID();
        EventEnvelope<UserRegistered> envelope = registration(username);

        send(envelope);
        send(envelope);

        await().atMost(Duration.ofSeconds(20)).until(() -> counter.deliveries(username) == 2);
        assertThat(counter.applied(username)).isEqualTo(1);
    }

    @Test
    void whenEffectFailsThenItRollsBackWithItsMarkAndTheRetryAppliesIt() throws Exception {
        String username = "flaky-" + UUID.randomUUID();

        send(registration(username));

        await().atMost(Duration.ofSeconds(20)).until(() -> counter.deliveries(username) == 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> counter.applied(username) == 1);
    }

    @Test
    void whenRecordIsNotAnEventThenItLandsInTheDltAtOnceWithTheErrorInItsHeaders() throws Exception {
        try (KafkaProbe dlt = new KafkaProbe(Topics.deadLetter(Topics.AUTH_USERS))) {
            String garbage = "not an event " + UUID.randomUUID();
            kafka.send(Topics.AUTH_USERS, "some-key", garbage).get();

            ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> dlt.records().stream()
                                    .filter(r -> garbage.equals(r.value()))
                                    .findFirst()
                                    .orElse(null),
                            r -> r != null);
            assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).contains("MalformedEventException");
            assertThat(header(dead, "kafka_dlt-exception-message")).contains("not a valid event envelope");
            assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.AUTH_USERS);
            assertThat(dead.key()).isEqualTo("some-key");
        }
    }

    @Test
    void whenAnEventArrivesOnATopicItDoesNotBelongToThenItLandsInTheDltAtOnce() throws Exception {
        try (KafkaProbe dlt = new KafkaProbe(Topics.deadLetter(Topics.AUTH_USERS))) {
            UUID userId = UUID.randomUUID();
            // A session event written to the users topic: decodable, but not this topic's to carry.
            String stray = EventJson.encode(
                    EventEnvelope.wrap(new SessionRevoked(userId, UUID.randomUUID(), "logout", Instant.now())));
            kafka.send(Topics.AUTH_USERS, userId.toString(), stray).get();

            ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> dlt.records().stream()
                                    .filter(r -> stray.equals(r.value()))
                                    .findFirst()
                                    .orElse(null),
                            r -> r != null);
            assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).contains("MalformedEventException");
            assertThat(header(dead, "kafka_dlt-exception-message"))
                    .contains("auth.session-revoked belongs to " + Topics.AUTH_SESSIONS);
        }
    }

    @Test
    void whenHandlerKeepsFailingThenRecordLandsInTheDltAfterBoundedRetries() throws Exception {
        try (KafkaProbe dlt = new KafkaProbe(Topics.deadLetter(Topics.AUTH_USERS))) {
            String username = "always-fails-" + UUID.randomUUID();
            send(registration(username));

            ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> dlt.records().stream()
                                    .filter(r -> r.value() != null && r.value().contains(username))
                                    .findFirst()
                                    .orElse(null),
                            r -> r != null);
            // One delivery plus the configured two retries; every attempt rolled back its effect.
            assertThat(counter.deliveries(username)).isEqualTo(3);
            assertThat(counter.applied(username)).isZero();
            assertThat(header(dead, "kafka_dlt-exception-message")).contains("handler failed for " + username);
        }
    }

    private void send(EventEnvelope<?> envelope) throws Exception {
        kafka.send(envelope.topic(), envelope.key(), EventJson.encode(envelope)).get();
    }

    private static EventEnvelope<UserRegistered> registration(String username) {
        return EventEnvelope.wrap(
                new UserRegistered(UUID.randomUUID(), username, Plan.FREE, true, UserStatus.ACTIVE, Instant.now()));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
