package com.companion.platform.test;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (KRaft, in-process, Apache Kafka's own code) per test JVM, started on
 * first use and stopped when the JVM exits. With {@code -Dplatform.test.infra=testcontainers}
 * a Kafka container is used instead.
 */
public final class TestKafka {

    private static volatile String bootstrapServers;

    public static String bootstrapServers() {
        if (bootstrapServers == null) {
            synchronized (TestKafka.class) {
                if (bootstrapServers == null) {
                    bootstrapServers = Infra.containers() ? Containers.kafka() : startEmbedded();
                }
            }
        }
        return bootstrapServers;
    }

    private static String startEmbedded() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 2);
        broker.brokerProperties(Map.of(
                "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.replication.factor", "1",
                "offsets.topic.num.partitions", "4",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "share.coordinator.state.topic.replication.factor", "1",
                "share.coordinator.state.topic.min.isr", "1",
                "log.cleaner.dedupe.buffer.size", "8388608",
                "auto.create.topics.enable", "true"));
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "test-kafka-stop"));
        return broker.getBrokersAsString();
    }

    private TestKafka() {}
}
