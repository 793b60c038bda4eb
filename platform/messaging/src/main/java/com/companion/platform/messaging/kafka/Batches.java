package com.companion.platform.messaging.kafka;

import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.transaction.support.TransactionOperations;

/**
 * One database transaction for a whole batch of records, for the batch listeners every turn passes
 * through: a poll's records cost one commit, not one each. Effects stay exactly once because each
 * record's effect is idempotent by event id ({@code ProcessedEvents}), so a batch that is delivered
 * again changes nothing.
 *
 * <p>When the batch's transaction fails, nothing of it was kept, and the records are applied again
 * one transaction each: the ones before the failing record are kept, and the failing one is
 * reported to the platform's error handler by its index ({@link BatchListenerFailedException}). The
 * handler commits the offsets before it and treats that record alone as a record listener's failure
 * would be treated: retried with back-off, or sent to the dead-letter topic at once when it can
 * never succeed (not an event). One bad record thus never holds back or dead-letters its neighbours.
 *
 * <p>Each record is observed as spring-kafka observes a record listener's (which it does not do for
 * batch listeners): its span continues the trace in the record's headers, so what its effect
 * publishes (through the outbox) stays in that trace.
 */
public final class Batches {

    private final Supplier<TransactionOperations> transactions;
    private final Supplier<ObservationRegistry> observations;

    /** Suppliers resolved on first use (once: pass memoising ones): a service without a database never uses them. */
    public Batches(Supplier<TransactionOperations> transactions, Supplier<ObservationRegistry> observations) {
        this.transactions = transactions;
        this.observations = observations;
    }

    public <K, V> void applyInOneTransaction(List<ConsumerRecord<K, V>> records, Consumer<ConsumerRecord<K, V>> apply) {
        TransactionOperations tx = transactions.get();
        try {
            tx.executeWithoutResult(status -> records.forEach(record -> observed(record, apply)));
        } catch (RuntimeException batchFailed) {
            for (int i = 0; i < records.size(); i++) {
                ConsumerRecord<K, V> record = records.get(i);
                try {
                    tx.executeWithoutResult(status -> observed(record, apply));
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException(String.valueOf(e.getMessage()), e, i);
                }
            }
        }
    }

    private <K, V> void observed(ConsumerRecord<K, V> record, Consumer<ConsumerRecord<K, V>> apply) {
        String group = KafkaUtils.getConsumerGroupId();
        KafkaListenerObservation.LISTENER_OBSERVATION
                .observation(
                        null,
                        KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                        () -> new KafkaRecordReceiverContext(record, group, group, group, () -> null),
                        observations.get())
                .observe(() -> apply.accept(record));
    }
}
