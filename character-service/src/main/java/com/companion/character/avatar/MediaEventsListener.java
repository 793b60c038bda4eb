package com.companion.character.avatar;

import com.companion.contracts.Topics;
import com.companion.platform.messaging.kafka.Records;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class MediaEventsListener {

    private final Avatars avatars;

    MediaEventsListener(Avatars avatars) {
        this.avatars = avatars;
    }

    @KafkaListener(topics = Topics.MEDIA_EVENTS, groupId = "${character.consumers.group-id}")
    void on(ConsumerRecord<String, String> record) {
        Records.event(record).ifPresent(avatars::apply);
    }
}
