package com.companion.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.companion.contracts.EventJson;
import com.companion.contracts.Topics;
import com.companion.contracts.auth.UserRegistered;
import com.companion.platform.messaging.outbox.Outbox;
import com.companion.platform.messaging.testapp.CrashAfterCommit;
import com.companion.platform.messaging.testapp.Members;
import com.companion.platform.messaging.testapp.TestMessagingApp;
import com.companion.platform.test.KafkaProbe;
import com.companion.platform.test.TestKafka;
import com.companion.platform.test.TestPostgres;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

class OutboxIT {

    @Test
    void whenProcessDiesRightAfterCommitThenEventIsPublishedAfterRestart() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("outboxcrash");
        String username = "crash-" + UUID.randomUUID();

        Process child = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashAfterCommit.class.getName(),
                        db.url(),
                        db.username(),
                        db.password(),
                        TestKafka.bootstrapServers(),
                        username)
                .redirectErrorStream(true)
                .redirectOutput(new File("target/crash-after-commit.log"))
                .start();
        assertThat(child.waitFor()).as("the child halts right after its commit").isEqualTo(137);
        String log = java.nio.file.Files.readString(
                java.nio.file.Path.of("target/crash-after-commit.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("COMMITTED");

        try (KafkaProbe probe = new KafkaProbe(Topics.AUTH_USERS);
                ConfigurableApplicationContext restarted = start(db, "platform.outbox.relay-enabled=true")) {
            JdbcClient jdbc = restarted.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from member where username = :u")
                            .param("u", username)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> registrationsOf(probe.records(), username).size() == 1);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> jdbc.sql("select count(*) from platform_outbox")
                                    .query(Integer.class)
                                    .single()
                            == 0);
            assertThat(registrationsOf(probe.records(), username)).hasSize(1);
        }
    }

    @Test
    void whenTransactionRollsBackThenNeitherStateNorEventRemain() {
        TestPostgres.Database db = TestPostgres.newDatabase("outboxrollback");
        try (ConfigurableApplicationContext context = start(db, "platform.outbox.relay-enabled=true");
                KafkaProbe probe = new KafkaProbe(Topics.AUTH_USERS)) {
            Members members = context.getBean(Members.class);
            String failed = "rollback-" + UUID.randomUUID();
            String kept = "kept-" + UUID.randomUUID();

            assertThatThrownBy(() -> members.register(failed)).isInstanceOf(IllegalStateException.class);
            members.register(kept);

            // The later event arriving shows the relay ran past the point where the first would be.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> registrationsOf(probe.records(), kept).size() == 1);
            assertThat(registrationsOf(probe.records(), failed)).isEmpty();
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from member where username = :u")
                            .param("u", failed)
                            .query(Integer.class)
                            .single())
                    .isZero();
        }
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        TestPostgres.Database db = TestPostgres.newDatabase("outboxnotx");
        try (ConfigurableApplicationContext context = start(db, "platform.outbox.relay-enabled=false")) {
            Outbox outbox = context.getBean(Outbox.class);
            assertThatThrownBy(() -> outbox.tombstone(Topics.CHARACTERS, "x"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("inside the transaction");
        }
    }

    @Test
    void eventsArriveOnceAndInCommitOrderWithinEachPartition() {
        TestPostgres.Database db = TestPostgres.newDatabase("outboxorder");
        try (ConfigurableApplicationContext context = start(db, "platform.outbox.relay-enabled=true");
                KafkaProbe probe = new KafkaProbe(Topics.AUTH_USERS)) {
            Members members = context.getBean(Members.class);
            String prefix = "order-" + UUID.randomUUID() + "-";
            for (int i = 0; i < 50; i++) {
                members.register(prefix + i);
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> probe.records().stream()
                                    .filter(r -> r.value() != null && r.value().contains(prefix))
                                    .count()
                            == 50);
            java.util.Map<Integer, List<Integer>> byPartition = new java.util.TreeMap<>();
            probe.records().stream()
                    .filter(r -> r.value() != null && r.value().contains(prefix))
                    .forEach(r -> byPartition
                            .computeIfAbsent(r.partition(), p -> new java.util.ArrayList<>())
                            .add(Integer.parseInt(((UserRegistered)
                                            EventJson.decode(r.value()).data())
                                    .username()
                                    .substring(prefix.length()))));
            // Every event arrives once, and each partition holds them in the order they were committed.
            assertThat(byPartition.values().stream().flatMap(List::stream).toList())
                    .containsExactlyInAnyOrderElementsOf(
                            java.util.stream.IntStream.range(0, 50).boxed().toList());
            byPartition.values().forEach(sequence -> assertThat(sequence).isSorted());
        }
    }

    private static List<UserRegistered> registrationsOf(List<ConsumerRecord<String, String>> records, String username) {
        return records.stream()
                .filter(r -> r.value() != null && r.value().contains(username))
                .map(r -> EventJson.decode(r.value()).data())
                .filter(e -> e instanceof UserRegistered u && u.username().equals(username))
                .map(UserRegistered.class::cast)
                .toList();
    }

    private static ConfigurableApplicationContext start(TestPostgres.Database db, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                "--platform.kafka.topics.partitions=2",
                "--spring.kafka.listener.auto-startup=false"));
        for (String property : extra) {
            args.add("--" + property);
        }
        return new SpringApplicationBuilder(TestMessagingApp.class).run(args.toArray(String[]::new));
    }
}
