package com.companion.character.moderation.internal;

import com.companion.character.moderation.internal.AdminModeration.RequestedTakedown;
import com.companion.contracts.Topics;
import com.companion.contracts.moderation.ModerationAction;
import com.companion.contracts.moderation.ModerationActionRequested;
import com.companion.platform.messaging.inbox.ProcessedEvents;
import com.companion.platform.messaging.kafka.Records;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out the takedowns administrators decide on reports in chat-service ({@code moderation.actions.v1}; bans
 * are auth-service's). Each {@code action_id} is applied once: its mark and the takedown commit together, so a
 * redelivery changes nothing, not even after a restore. An unknown character is logged and skipped; a failure of
 * the database is retried, then dead-lettered by the kit's error handler.
 */
@Component
class ModerationActionsListener {

    static final String CONSUMER = "character-service:moderation.actions";
    private static final Logger log = LoggerFactory.getLogger(ModerationActionsListener.class);

    private final AdminModeration moderation;
    private final ProcessedEvents processed;
    private final TransactionTemplate transaction;

    ModerationActionsListener(
            AdminModeration moderation, ProcessedEvents processed, PlatformTransactionManager transactionManager) {
        this.moderation = moderation;
        this.processed = processed;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @KafkaListener(topics = Topics.MODERATION_ACTIONS, groupId = "${character.consumers.group-id}")
    void on(ConsumerRecord<String, String> record) {
        Records.event(record)
                .map(envelope -> envelope.data())
                .filter(event -> event instanceof ModerationActionRequested requested
                        && requested.action() == ModerationAction.TAKEDOWN)
                .map(ModerationActionRequested.class::cast)
                .ifPresent(this::takeDown);
    }

    private void takeDown(ModerationActionRequested request) {
        transaction.executeWithoutResult(status -> {
            if (!processed.firstTime(CONSUMER, request.actionId())) {
                return;
            }
            RequestedTakedown result = moderation.takeDownRequested(
                    request.actionId(), request.targetId(), request.reason(), request.adminId());
            switch (result) {
                case TAKEN_DOWN ->
                    log.info(
                            "took character {} down (action {}, report {})",
                            request.targetId(),
                            request.actionId(),
                            request.reportId());
                case ALREADY_TAKEN_DOWN ->
                    log.info("character {} is taken down already (action {})", request.targetId(), request.actionId());
                case UNKNOWN_CHARACTER ->
                    log.warn(
                            "not taking character {} down (action {}, report {}): no such character",
                            request.targetId(),
                            request.actionId(),
                            request.reportId());
            }
        });
    }
}
