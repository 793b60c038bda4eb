package com.companion.platform.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows in id order and deletes them once the broker has
 * acknowledged them. It is woken right after each commit (so an event leaves within a Kafka
 * round trip of its commit) and also looks on its own every poll interval, which picks up rows
 * that an instance that died left behind. Rows are claimed with {@code for update skip locked},
 * so several instances can relay side by side; a failed send rolls back and is retried. Delivery
 * is at least once: a crash between the broker's ack and the delete sends a row again, which
 * idempotent consumers absorb.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, String> kafka;
    private final TraceContext traceContext;
    private final OutboxProperties properties;
    private final BlockingQueue<Boolean> wakeUps = new ArrayBlockingQueue<>(1);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            KafkaTemplate<String, String> kafka,
            TraceContext traceContext,
            OutboxProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.traceContext = traceContext;
        this.properties = properties;
    }

    /** Asks the relay to look for rows now. Never blocks. */
    public void wakeUp() {
        wakeUps.offer(Boolean.TRUE);
    }

    @Override
    public void start() {
        if (!properties.relayEnabled()) {
            log.info("outbox relay disabled on this instance");
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(properties.sendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the listeners (which may still write rows) and before the producer factory. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }

    private void loop() {
        while (running) {
            try {
                wakeUps.poll(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                drain();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("outbox relay round failed; rows stay and are retried: {}", e.toString());
                pauseAfterFailure();
            }
        }
    }

    /** Publishes until no committed row is left. Visible for tests. */
    public int drain() {
        int total = 0;
        int sent;
        do {
            sent = transactions.execute(status -> publishBatch());
            total += sent;
        } while (sent == properties.batchSize() && running);
        return total;
    }

    private int publishBatch() {
        List<OutboxRow> rows = jdbc.sql("""
                        select id, topic, record_key, event_id, event_type, payload, traceparent
                        from platform_outbox order by id limit :limit for update skip locked
                        """)
                .param("limit", properties.batchSize())
                .query((rs, n) -> new OutboxRow(
                        rs.getLong("id"),
                        rs.getString("topic"),
                        rs.getString("record_key"),
                        rs.getObject("event_id", UUID.class),
                        rs.getString("event_type"),
                        rs.getString("payload"),
                        rs.getString("traceparent")))
                .list();
        if (rows.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            acks.add(traceContext.within(row.traceparent(), () -> kafka.send(toRecord(row))));
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (Exception e) {
            throw new IllegalStateException("broker did not acknowledge the batch", e);
        }
        Long[] ids = rows.stream().map(OutboxRow::id).toArray(Long[]::new);
        jdbc.sql("delete from platform_outbox where id = any(:ids)")
                .param("ids", ids)
                .update();
        return rows.size();
    }

    private static ProducerRecord<String, String> toRecord(OutboxRow row) {
        RecordHeaders headers = new RecordHeaders();
        if (row.eventId() != null) {
            headers.add("event_id", row.eventId().toString().getBytes(StandardCharsets.UTF_8));
            headers.add("event_type", row.eventType().getBytes(StandardCharsets.UTF_8));
            headers.add("content_type", "application/json".getBytes(StandardCharsets.UTF_8));
        }
        return new ProducerRecord<>(row.topic(), null, row.recordKey(), row.payload(), headers);
    }

    private void pauseAfterFailure() {
        try {
            Thread.sleep(properties.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record OutboxRow(
            long id,
            String topic,
            String recordKey,
            UUID eventId,
            String eventType,
            String payload,
            String traceparent) {}
}
