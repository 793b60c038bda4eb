package com.companion.chat.moderation;

import com.companion.contracts.Topics;
import com.companion.contracts.moderation.AdminActionRecorded;
import com.companion.platform.messaging.inbox.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps every service's administrative actions from {@code moderation.audit.v1} for {@code GET /admin/audit}. */
@Component
class AuditConsumer {

    private static final String CONSUMER = "chat-moderation-audit";

    private final ModerationAudit audit;
    private final ProcessedEvents processed;

    AuditConsumer(ModerationAudit audit, ProcessedEvents processed) {
        this.audit = audit;
        this.processed = processed;
    }

    @KafkaListener(topics = Topics.MODERATION_AUDIT, groupId = "${platform.kafka.consumer-group}")
    @Transactional
    void on(ConsumerRecord<String, String> record) {
        processed.once(CONSUMER, record, event -> {
            if (event instanceof AdminActionRecorded entry) {
                audit.keep(entry);
            }
        });
    }
}
