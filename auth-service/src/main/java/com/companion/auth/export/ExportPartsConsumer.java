package com.companion.auth.export;

import com.companion.auth.export.internal.ExportStore;
import com.companion.contracts.Event;
import com.companion.contracts.EventEnvelope;
import com.companion.contracts.Topics;
import com.companion.contracts.export.ExportPartReady;
import com.companion.platform.messaging.inbox.ProcessedEvents;
import com.companion.platform.messaging.kafka.Records;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Collects the services' parts ({@code export.part-ready}). A part counts once per service and only
 * for a pending job of the same user from a service the job waits for; then the job is assembled if
 * it is complete. The check runs after every part, also a redelivered one, so an assembly that failed
 * (the store was away) is retried with the record.
 */
@Component
class ExportPartsConsumer {

    static final String CONSUMER = "auth-service.export-parts";
    private static final Logger log = LoggerFactory.getLogger(ExportPartsConsumer.class);

    private final ExportStore store;
    private final ProcessedEvents processed;
    private final ExportAssembler assembler;
    private final DataExportProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ExportPartsConsumer(
            ExportStore store,
            ProcessedEvents processed,
            ExportAssembler assembler,
            DataExportProperties properties,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.store = store;
        this.processed = processed;
        this.assembler = assembler;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @KafkaListener(topics = Topics.EXPORT_PARTS, groupId = "${platform.kafka.consumer-group}")
    void on(ConsumerRecord<String, String> record) {
        Records.event(record)
                .filter(envelope -> envelope.data() instanceof ExportPartReady)
                .ifPresent(this::receive);
    }

    private void receive(EventEnvelope<Event> envelope) {
        ExportPartReady part = (ExportPartReady) envelope.data();
        transaction.executeWithoutResult(status -> processed.once(CONSUMER, envelope, event -> record(part)));
        assembler.assembleIfComplete(part.exportId());
    }

    private void record(ExportPartReady part) {
        boolean expected = properties.services().contains(part.service())
                && store.find(part.exportId())
                        .filter(export -> export.userId().equals(part.userId()))
                        .isPresent();
        if (!expected) {
            log.warn(
                    "ignoring part {} of export {} from {}: no such export of user {} waits for it",
                    part.key(),
                    part.exportId(),
                    part.service(),
                    part.userId());
            return;
        }
        store.addPart(part.exportId(), part.service(), part.key(), clock.instant());
    }
}
