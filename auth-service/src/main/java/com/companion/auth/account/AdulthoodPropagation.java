package com.companion.auth.account;

import com.companion.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Waits, with a bound, until the services that gate adult content have applied the event that made an account a
 * minor's. character-service and chat-service count a caller as adult only when both the access token and their read
 * model say so, and the token issued before the correction still says adult for up to its lifetime. Without the wait,
 * the caller's next request, made a few milliseconds after the answer, could still list an adult character: the event
 * takes 10 to 30 ms to reach the read models.
 *
 * <p>The change is applied once the outbox row of the user's event has been sent, and each group's committed offset
 * on the record's partition has passed the partition's end as it was then. A group commits a record's offset after its
 * read model's transaction, so a committed offset is an applied change.
 */
@Component
class AdulthoodPropagation implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AdulthoodPropagation.class);

    private static final Duration PAUSE = Duration.ofMillis(10);

    private final JdbcClient jdbc;
    private final KafkaAdmin kafkaAdmin;
    private final AdulthoodSyncProperties properties;
    private volatile Admin admin;

    AdulthoodPropagation(JdbcClient jdbc, KafkaAdmin kafkaAdmin, AdulthoodSyncProperties properties) {
        this.jdbc = jdbc;
        this.kafkaAdmin = kafkaAdmin;
        this.properties = properties;
    }

    /**
     * Returns once every configured group has applied the user's latest event, or once the timeout is over (logged);
     * never throws: the correction is committed whatever happens here.
     */
    void awaitApplied(UUID userId) {
        if (properties.consumerGroups().isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + properties.timeout().toNanos();
        String key = userId.toString();
        try {
            TopicDescription topic = admin().describeTopics(List.of(Topics.AUTH_USERS))
                    .allTopicNames()
                    .get(left(deadline), TimeUnit.NANOSECONDS)
                    .values()
                    .iterator()
                    .next();
            if (!sent(topic.name(), key, deadline)) {
                log.warn("the users' event for {} was not sent within {}", userId, properties.timeout());
                return;
            }
            TopicPartition partition = partitionOf(topic, key);
            long end = admin().listOffsets(Map.of(partition, OffsetSpec.latest()))
                    .partitionResult(partition)
                    .get(left(deadline), TimeUnit.NANOSECONDS)
                    .offset();
            for (String group : properties.consumerGroups()) {
                if (!caughtUp(group, partition, end, deadline)) {
                    log.warn(
                            "{} had not applied the users' event for {} within {}",
                            group,
                            userId,
                            properties.timeout());
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("could not tell whether the users' event for {} was applied: {}", userId, e.toString());
        }
    }

    /** Whether the outbox has sent every event of the user (the relay deletes a row once the broker has it). */
    private boolean sent(String topic, String key, long deadline) throws InterruptedException {
        while (true) {
            boolean pending = jdbc.sql("select exists (select 1 from platform_outbox where topic = :topic"
                            + " and record_key = :key)")
                    .param("topic", topic)
                    .param("key", key)
                    .query(Boolean.class)
                    .single();
            if (!pending) {
                return true;
            }
            if (!pause(deadline)) {
                return false;
            }
        }
    }

    /** The partition the producer's default partitioner puts the user's events in. */
    private static TopicPartition partitionOf(TopicDescription topic, String key) {
        int partitions = topic.partitions().size();
        int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
        return new TopicPartition(topic.name(), partition);
    }

    /**
     * Whether the group's committed offset on the partition reached {@code end}; true at once for a group that has
     * committed nothing on the users' topic (it does not read it, or does not exist here).
     */
    private boolean caughtUp(String group, TopicPartition partition, long end, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(left(deadline), TimeUnit.NANOSECONDS);
            boolean readsTopic =
                    committed.keySet().stream().anyMatch(tp -> tp.topic().equals(partition.topic()));
            if (!readsTopic) {
                return true;
            }
            long at = Optional.ofNullable(committed.get(partition))
                    .map(OffsetAndMetadata::offset)
                    .orElse(0L);
            if (at >= end) {
                return true;
            }
            if (!pause(deadline)) {
                return false;
            }
        }
    }

    /** Pauses before the next look; false when the deadline has passed. */
    private static boolean pause(long deadline) throws InterruptedException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            return false;
        }
        Thread.sleep(Math.max(1, Math.min(PAUSE.toMillis(), TimeUnit.NANOSECONDS.toMillis(remaining))));
        return true;
    }

    /** What is left until the deadline, at least a nanosecond, for a call that must be given a timeout. */
    private static long left(long deadline) {
        return Math.max(1, deadline - System.nanoTime());
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(kafkaAdmin.getConfigurationProperties());
                }
                current = admin;
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        Admin current = admin;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }
}
