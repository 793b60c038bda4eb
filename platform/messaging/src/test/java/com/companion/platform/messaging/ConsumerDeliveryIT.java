package com.companion.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.contracts.EventEnvelope;
import com.companion.contracts.EventJson;
import com.companion.contracts.MalformedEventException;
import com.companion.contracts.Plan;
import com.companion.contracts.Topics;
import com.companion.contracts.auth.SessionRevoked;
import com.companion.contracts.auth.UserRegistered;
import com.companion.contracts.auth.UserStatus;
import com.companion.platform.messaging.testapp.AppliedCounter;
import com.companion.platform.messaging.testapp.BatchCounter;
import com.companion.platform.messaging.testapp.TestMessagingApp;
import com.companion.platform.test.IntegrationTest;
import com.companion.platform.test.KafkaProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

@IntegrationTest(webEnvironment = WebEnvironment.NONE, classes = TestMessagingApp.class)
class ConsumerDeliveryIT {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    AppliedCounter counter;

    @Autowired
    BatchCounter batchCounter;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

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

    @Test
    void aBatchIsAppliedOnceAndOneBadRecordInItGoesToTheDltAloneWhileItsNeighboursAreKept() throws Exception {
        String before = "batch-ok-" + UUID.randomUUID();
        String failing = "batch-fails-" + UUID.randomUUID();
        String after = "batch-ok-" + UUID.randomUUID();
        String garbage = "not an event " + UUID.randomUUID();
        MessageListenerContainer container = listeners.getListenerContainer("batch-counter");
        try (KafkaProbe dlt = new KafkaProbe(Topics.deadLetter(Topics.AUTH_USERS))) {
            // Held while the records are written (one key, so one partition, in this order), so that one poll
            // returns them all as one batch.
            container.pause();
            await().atMost(Duration.ofSeconds(20)).until(container::isContainerPaused);
            // Sent together and flushed once, so they reach the log as one producer batch and one fetch returns them.
            List<java.util.concurrent.CompletableFuture<?>> sent = new java.util.ArrayList<>();
            for (String value : List.of(
                    EventJson.encode(registration(before)),
                    garbage,
                    EventJson.encode(registration(failing)),
                    EventJson.encode(registration(after)))) {
                sent.add(kafka.send(Topics.AUTH_USERS, "one-batch", value));
            }
            kafka.flush();
            for (java.util.concurrent.CompletableFuture<?> each : sent) {
                each.get();
            }
            container.resume();

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> batchCounter.applied(before) == 1 && batchCounter.applied(after) == 1);
            // The garbage is dead-lettered by both groups on the topic, the failing registration by the batch group
            // only.
            List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> dlt.records().stream()
                                    .filter(r -> garbage.equals(r.value())
                                            || (r.value() != null && r.value().contains(failing)))
                                    .toList(),
                            records -> records.size() == 3);
            // The bad records and the good one after them came in one batch at least (the first may have been fetched
            // alone).
            assertThat(batchCounter.batchSizes()).anyMatch(size -> size >= 3);
            assertThat(batchCounter.applied(failing)).isZero();
            assertThat(dead)
                    .filteredOn(r -> garbage.equals(r.value()))
                    .extracting(r -> header(r, "kafka_dlt-exception-cause-fqcn"))
                    .containsOnly(MalformedEventException.class.getName());
            assertThat(dead)
                    .filteredOn(r -> !garbage.equals(r.value()))
                    .extracting(r -> header(r, "kafka_dlt-exception-message"))
                    .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains("batch handler failed for " + failing);
        } finally {
            container.resume();
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
