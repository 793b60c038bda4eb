package com.companion.media.accounts;

import com.companion.contracts.Topics;
import com.companion.contracts.auth.UserDeleted;
import com.companion.contracts.auth.UserStatus;
import com.companion.contracts.auth.UserUpdated;
import com.companion.platform.messaging.inbox.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps {@link GoneUsers} from auth-service's compacted users topic, once per event. */
@Component
class UserEventsConsumer {

    static final String CONSUMER = "media-users";

    private final GoneUsers goneUsers;
    private final ProcessedEvents processed;

    UserEventsConsumer(GoneUsers goneUsers, ProcessedEvents processed) {
        this.goneUsers = goneUsers;
        this.processed = processed;
    }

    @KafkaListener(topics = Topics.AUTH_USERS, groupId = "media-service")
    @Transactional
    void on(ConsumerRecord<String, String> record) {
        processed.once(CONSUMER, record, event -> {
            switch (event) {
                case UserUpdated user when user.status() == UserStatus.ACTIVE -> goneUsers.back(user.userId());
                case UserUpdated user -> goneUsers.gone(user.userId());
                case UserDeleted user -> goneUsers.gone(user.userId());
                default -> {
                    // registrations and other events change nothing here
                }
            }
        });
    }
}
