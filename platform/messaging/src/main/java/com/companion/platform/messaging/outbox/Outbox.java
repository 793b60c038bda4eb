package com.companion.platform.messaging.outbox;

import com.companion.contracts.Event;
import com.companion.contracts.EventEnvelope;
import com.companion.contracts.EventJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records an event in the same transaction as the state change it describes. Nothing is sent
 * here: the {@link OutboxRelay} publishes committed rows, woken as soon as the transaction
 * commits, so an event is neither lost when the process dies after the commit nor sent for a
 * change that rolled back.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final OutboxRelay relay;
    private final TraceContext traceContext;

    public Outbox(JdbcClient jdbc, OutboxRelay relay, TraceContext traceContext) {
        this.jdbc = jdbc;
        this.relay = relay;
        this.traceContext = traceContext;
    }

    public <T extends Event> EventEnvelope<T> publish(T event) {
        EventEnvelope<T> envelope = EventEnvelope.wrap(event);
        publish(envelope);
        return envelope;
    }

    public void publish(EventEnvelope<?> envelope) {
        insert(envelope.topic(), envelope.key(), envelope, EventJson.encode(envelope));
    }

    /** A null value for {@code key}, so that compaction removes the aggregate from a compacted topic. */
    public void tombstone(String topic, String key) {
        insert(topic, key, null, null);
    }

    private void insert(String topic, String key, EventEnvelope<?> envelope, String payload) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publish must run inside the transaction of the state change");
        }
        jdbc.sql("""
                        insert into platform_outbox (topic, record_key, event_id, event_type, payload, traceparent)
                        values (:topic, :key, :eventId, :eventType, :payload, :traceparent)
                        """)
                .param("topic", topic)
                .param("key", key)
                .param("eventId", envelope == null ? null : envelope.eventId())
                .param("eventType", envelope == null ? null : envelope.eventType())
                .param("payload", payload)
                .param("traceparent", traceContext.current())
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.wakeUp();
                }
            });
        }
    }
}
