package com.companion.auth.admin;

import com.companion.auth.account.AccountAdministration;
import com.companion.auth.account.AccountAdministration.RequestedBan;
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
 * Carries out the bans administrators decide on reports in chat-service ({@code moderation.actions.v1}; takedowns
 * are character-service's). Each {@code action_id} is applied once: its mark and the ban commit together, so a
 * redelivery changes nothing, not even after the ban was lifted. An unknown account or an administrator's is logged
 * and skipped (it can never succeed); a failure of the database is retried, then dead-lettered by the kit's error
 * handler.
 */
@Component
class ModerationActionsConsumer {

    static final String CONSUMER = "auth-service.moderation-actions";
    private static final Logger log = LoggerFactory.getLogger(ModerationActionsConsumer.class);

    private final AccountAdministration administration;
    private final ProcessedEvents processed;
    private final TransactionTemplate transaction;

    ModerationActionsConsumer(
            AccountAdministration administration,
            ProcessedEvents processed,
            PlatformTransactionManager transactionManager) {
        this.administration = administration;
        this.processed = processed;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @KafkaListener(topics = Topics.MODERATION_ACTIONS, groupId = "${platform.kafka.consumer-group}")
    void on(ConsumerRecord<String, String> record) {
        Records.event(record)
                .map(envelope -> envelope.data())
                .filter(event -> event instanceof ModerationActionRequested requested
                        && requested.action() == ModerationAction.BAN)
                .map(ModerationActionRequested.class::cast)
                .ifPresent(this::ban);
    }

    private void ban(ModerationActionRequested request) {
        transaction.executeWithoutResult(status -> {
            if (!processed.firstTime(CONSUMER, request.actionId())) {
                return;
            }
            RequestedBan result = administration.banRequested(
                    request.actionId(), request.adminId(), request.targetId(), request.reason());
            switch (result) {
                case BANNED ->
                    log.info(
                            "banned user {} (action {}, report {})",
                            request.targetId(),
                            request.actionId(),
                            request.reportId());
                case ALREADY_BANNED ->
                    log.info("user {} is banned already (action {})", request.targetId(), request.actionId());
                case UNKNOWN_USER, ADMINISTRATOR ->
                    log.warn(
                            "not banning user {} (action {}, report {}): {}",
                            request.targetId(),
                            request.actionId(),
                            request.reportId(),
                            result == RequestedBan.UNKNOWN_USER ? "no such account" : "an administrator's account");
            }
        });
    }
}
