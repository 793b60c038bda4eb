package com.companion.auth.session;

import com.companion.contracts.Topics;
import com.companion.platform.web.readmodel.ReadModelWait;
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
import org.apache.kafka.common.KafkaFuture;
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
 *
 * <p>The same wait serves every change that must hold from the caller's next request: a device session signed out
 * (logout, revoked from the device list), whose access token every service refuses from then on, and an age an
 * administrator set below 18.
 */
@Component
public class AdulthoodPropagation implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AdulthoodPropagation.class);

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
    public void awaitApplied(UUID userId) {
        awaitApplied(Change.ACCOUNT, userId);
    }

    /** What changed: the account (the users' topic) or one of its device sessions (the sessions' topic). */
    public enum Change {
        ACCOUNT,
        DEVICE_SESSION
    }

    /** The same for a change of another kind, such as the end of a device session. */
    public void awaitApplied(Change change, UUID userId) {
        if (properties.consumerGroups().isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + properties.timeout().toNanos();
        String key = userId.toString();
        try {
            TopicDescription topic = get(
                            admin().describeTopics(List.of(
                                            change == Change.ACCOUNT ? Topics.AUTH_USERS : Topics.AUTH_SESSIONS))
                                    .allTopicNames(),
                            deadline)
                    .values()
                    .iterator()
                    .next();
            if (!sent(topic.name(), key, deadline)) {
                log.warn("the {} event for {} was not sent within {}", change, userId, properties.timeout());
                return;
            }
            TopicPartition partition = partitionOf(topic, key);
            long end = get(
                            admin().listOffsets(Map.of(partition, OffsetSpec.latest()))
                                    .partitionResult(partition),
                            deadline)
                    .offset();
            for (String group : properties.consumerGroups()) {
                if (!caughtUp(group, partition, end, deadline)) {
                    log.warn(
                            "{} had not applied the {} event for {} within {}",
                            group,
                            change,
                            userId,
                            properties.timeout());
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("could not tell whether the {} event for {} was applied: {}", change, userId, e.toString());
        }
    }

    /** Whether the outbox has sent every event of the user (the relay deletes a row once the broker has it). */
    private boolean sent(String topic, String key, long deadline) {
        return ReadModelWait.until(
                        remaining(deadline),
                        () -> jdbc.sql("select exists (select 1 from platform_outbox"
                                                + " where topic = :topic and record_key = :key)")
                                        .param("topic", topic)
                                        .param("key", key)
                                        .query(Boolean.class)
                                        .single()
                                ? Optional.<Boolean>empty()
                                : Optional.of(true))
                .isPresent();
    }

    /** The partition the producer's default partitioner puts the user's events in. */
    private static TopicPartition partitionOf(TopicDescription topic, String key) {
        int partitions = topic.partitions().size();
        int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
        return new TopicPartition(topic.name(), partition);
    }

    /**
     * Whether the group's committed offset on the partition reached {@code end}; true at once for a group that has
     * committed nothing on the topic (it does not read it, or does not exist here).
     */
    private boolean caughtUp(String group, TopicPartition partition, long end, long deadline) {
        return ReadModelWait.until(remaining(deadline), () -> {
                    Map<TopicPartition, OffsetAndMetadata> committed =
                            get(admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(), deadline);
                    boolean readsTopic = committed.keySet().stream()
                            .anyMatch(tp -> tp.topic().equals(partition.topic()));
                    OffsetAndMetadata at = committed.get(partition);
                    return !readsTopic || (at != null && at.offset() >= end)
                            ? Optional.of(true)
                            : Optional.<Boolean>empty();
                })
                .isPresent();
    }

    /** The admin call's answer, waited for until the deadline at most. */
    private static <T> T get(KafkaFuture<T> answer, long deadline) {
        try {
            return answer.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not answer", e);
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
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
