package com.companion.platform.messaging.kafka;

import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
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
 */
public final class Batches {

    public static <K, V> void applyInOneTransaction(
            TransactionOperations transactions,
            List<ConsumerRecord<K, V>> records,
            Consumer<ConsumerRecord<K, V>> apply) {
        try {
            transactions.executeWithoutResult(status -> records.forEach(apply));
        } catch (RuntimeException batchFailed) {
            for (int i = 0; i < records.size(); i++) {
                ConsumerRecord<K, V> record = records.get(i);
                try {
                    transactions.executeWithoutResult(status -> apply.accept(record));
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException(String.valueOf(e.getMessage()), e, i);
                }
            }
        }
    }

    private Batches() {}
}
