package com.companion.system;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;

/**
 * How many input records analytics-service has not yet committed (its Streams group's lag over the event
 * topics), sampled in the background while load runs: the figure that says whether it keeps up.
 */
final class AnalyticsLag implements AutoCloseable {

    static final String GROUP = "analytics-service";
    private static final List<String> INPUTS =
            List.of("chat.replies.v1", "chat.activity.v1", "ads.decisions.v1", "ads.impressions.v1", "auth.users.v1");

    private final Admin admin;
    private final AtomicLong max = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("analytics-lag").factory());

    AnalyticsLag(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        sampler.scheduleWithFixedDelay(this::sample, 0, 250, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        try {
            max.accumulateAndGet(now(), Math::max);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // A sample that failed (the group is rebalancing) is skipped.
        }
    }

    /** Records behind right now: end offsets (committed data) minus the group's committed offsets. */
    long now() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        Map<TopicPartition, Long> ends = KafkaLogGrowth.logEnds(admin, INPUTS, IsolationLevel.READ_COMMITTED);
        long behind = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            behind += Math.max(0, end.getValue() - (at == null ? 0 : at.offset()));
        }
        return behind;
    }

    long max() {
        return max.get();
    }

    /** Time until the lag is back to zero, or {@code limit} if it is not by then. */
    Duration catchUp(Duration limit) {
        long t0 = System.nanoTime();
        try {
            await().atMost(limit).pollInterval(Duration.ofMillis(50)).until(() -> now() == 0);
            return Duration.ofNanos(System.nanoTime() - t0);
        } catch (ConditionTimeoutException e) {
            return limit;
        }
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdownNow();
        sampler.awaitTermination(10, TimeUnit.SECONDS);
        admin.close();
    }
}
