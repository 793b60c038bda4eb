package com.companion.media.characters;

import com.companion.contracts.Topics;
import com.companion.contracts.character.CharacterDeleted;
import com.companion.contracts.character.CharacterUpserted;
import com.companion.platform.messaging.inbox.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps {@link CharacterDirectory} from character-service's compacted topic, once per event. */
@Component
class CharacterEventsConsumer {

    static final String CONSUMER = "media-characters";

    private final CharacterDirectory directory;
    private final ProcessedEvents processed;
    private final ApplicationEventPublisher events;

    CharacterEventsConsumer(CharacterDirectory directory, ProcessedEvents processed, ApplicationEventPublisher events) {
        this.directory = directory;
        this.processed = processed;
        this.events = events;
    }

    @KafkaListener(topics = Topics.CHARACTERS, groupId = "media-service")
    @Transactional
    void on(ConsumerRecord<String, String> record) {
        processed.once(CONSUMER, record, event -> {
            switch (event) {
                case CharacterUpserted character -> directory.upsert(character);
                case CharacterDeleted deleted -> {
                    directory.markDeleted(deleted.characterId(), deleted.ownerId(), deleted.version());
                    events.publishEvent(new CharacterRemoved(deleted.characterId()));
                }
                default -> {
                    // other events on the topic do not concern media
                }
            }
        });
    }
}
