package com.companion.chat.access;

import com.companion.contracts.Topics;
import com.companion.contracts.auth.SessionRevoked;
import com.companion.contracts.auth.UserDeleted;
import com.companion.contracts.auth.UserRegistered;
import com.companion.contracts.auth.UserUpdated;
import com.companion.contracts.character.CharacterDeleted;
import com.companion.contracts.character.CharacterUpserted;
import com.companion.platform.messaging.inbox.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the users and characters read models from their compacted topics, and the device sessions
 * auth-service ended early, so that sockets of a logged-out device close.
 */
@Component
class ReadModelConsumer {

    private static final String CONSUMER = "chat-read-models";

    private final ReadModels readModels;
    private final ApplicationEventPublisher features;
    private final ProcessedEvents processed;

    /** The listener's id in the {@code KafkaListenerEndpointRegistry}. */
    static final String LISTENER_ID = "read-models";

    ReadModelConsumer(ReadModels readModels, ApplicationEventPublisher features, ProcessedEvents processed) {
        this.readModels = readModels;
        this.features = features;
        this.processed = processed;
    }

    @KafkaListener(
            id = LISTENER_ID,
            topics = {Topics.AUTH_USERS, Topics.AUTH_SESSIONS, Topics.CHARACTERS},
            groupId = "${platform.kafka.consumer-group}")
    @Transactional
    void on(ConsumerRecord<String, String> record) {
        processed.once(CONSUMER, record, event -> {
            switch (event) {
                case UserRegistered u ->
                    readModels.upsertUser(u.userId(), u.username(), u.plan(), u.isAdult(), u.status());
                case UserUpdated u -> {
                    readModels.upsertUser(u.userId(), u.username(), u.plan(), u.isAdult(), u.status());
                    readModels.setPersona(u.userId(), u.persona());
                }
                case UserDeleted u -> {
                    readModels.deleteUser(u.userId());
                    features.publishEvent(new AccountDeleted(u.userId()));
                }
                case SessionRevoked s -> readModels.revokeSession(s.sessionId(), s.userId(), s.revokedAt());
                case CharacterUpserted c -> readModels.upsertCharacter(c);
                case CharacterDeleted c -> {
                    readModels.deleteCharacter(c.characterId(), c.version());
                    features.publishEvent(new CharacterRemoved(c.characterId()));
                }
                default -> {
                    // other events on these topics do not concern chat
                }
            }
        });
    }
}
