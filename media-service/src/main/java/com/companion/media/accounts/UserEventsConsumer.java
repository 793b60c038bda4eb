package com.companion.media.accounts;

import com.companion.contracts.Topics;
import com.companion.contracts.auth.SessionRevoked;
import com.companion.contracts.auth.UserDeleted;
import com.companion.contracts.auth.UserStatus;
import com.companion.contracts.auth.UserUpdated;
import com.companion.platform.messaging.inbox.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@link GoneUsers} from auth-service's compacted users topic and its sessions topic, once per
 * event; a deleted account is also {@link AccountErased}, so its media and uploads are erased in the
 * same transaction.
 */
@Component
class UserEventsConsumer {

    static final String CONSUMER = "media-users";

    private final GoneUsers goneUsers;
    private final ProcessedEvents processed;
    private final ApplicationEventPublisher effects;

    UserEventsConsumer(GoneUsers goneUsers, ProcessedEvents processed, ApplicationEventPublisher effects) {
        this.goneUsers = goneUsers;
        this.processed = processed;
        this.effects = effects;
    }

    @KafkaListener(
            topics = {Topics.AUTH_USERS, Topics.AUTH_SESSIONS},
            groupId = "media-service")
    @Transactional
    void on(ConsumerRecord<String, String> record) {
        processed.once(CONSUMER, record, event -> {
            switch (event) {
                case UserUpdated user when user.status() == UserStatus.ACTIVE -> goneUsers.back(user.userId());
                case UserUpdated user -> goneUsers.gone(user.userId());
                case UserDeleted user -> {
                    goneUsers.gone(user.userId());
                    effects.publishEvent(new AccountErased(user.userId()));
                }
                case SessionRevoked session -> goneUsers.revoked(session.sessionId(), session.revokedAt());
                default -> {
                    // registrations and other events change nothing here
                }
            }
        });
    }
}
