package com.companion.character.users.internal;

import com.companion.contracts.Topics;
import com.companion.platform.messaging.kafka.Records;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class UserEventsListener {

    private final UserReadModel readModel;

    UserEventsListener(UserReadModel readModel) {
        this.readModel = readModel;
    }

    @KafkaListener(
            topics = {Topics.AUTH_USERS, Topics.AUTH_SESSIONS},
            groupId = "${character.consumers.group-id}")
    void on(ConsumerRecord<String, String> record) {
        Records.event(record).ifPresent(readModel::apply);
    }
}
