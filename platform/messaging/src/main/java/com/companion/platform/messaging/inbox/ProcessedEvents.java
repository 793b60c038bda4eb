package com.companion.platform.messaging.inbox;

import com.companion.contracts.Event;
import com.companion.contracts.EventEnvelope;
import com.companion.platform.messaging.kafka.Records;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The idempotent-consumer record. Call {@link #firstTime} inside the transaction that applies
 * the event's effect: the mark and the effect commit or roll back together, so a redelivered
 * event finds its mark and changes nothing, while an event whose effect failed is applied on
 * redelivery.
 */
public class ProcessedEvents {

    private final JdbcClient jdbc;

    public ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when {@code consumer} has not applied {@code eventId} before; records that it now has. */
    public boolean firstTime(String consumer, UUID eventId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("ProcessedEvents.firstTime must run inside the transaction of the effect");
        }
        int inserted = jdbc.sql("""
                        insert into platform_processed_event (consumer, event_id) values (:consumer, :eventId)
                        on conflict do nothing
                        """)
                .param("consumer", consumer)
                .param("eventId", eventId)
                .update();
        return inserted == 1;
    }

    /**
     * Applies {@code effect} to the event in {@code record} unless {@code consumer} already applied it;
     * a tombstone is skipped. Call it inside the effect's transaction, like {@link #firstTime}.
     */
    public void once(String consumer, ConsumerRecord<String, String> record, Consumer<Event> effect) {
        Records.event(record).ifPresent(envelope -> once(consumer, envelope, effect));
    }

    /** Applies {@code effect} to the envelope's event unless {@code consumer} already applied it. */
    public void once(String consumer, EventEnvelope<? extends Event> envelope, Consumer<Event> effect) {
        if (firstTime(consumer, envelope.eventId())) {
            effect.accept(envelope.data());
        }
    }

    /** Forgets marks older than the broker's retention, after which no redelivery can happen. */
    public int purgeOlderThan(java.time.Duration age) {
        return jdbc.sql(
                        "delete from platform_processed_event where processed_at < now() - make_interval(secs => :secs)")
                .param("secs", age.toSeconds())
                .update();
    }
}
