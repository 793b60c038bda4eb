package com.companion.worker.intake;

import com.companion.contracts.Topics;
import com.companion.contracts.chat.TitleRequested;
import com.companion.platform.messaging.kafka.Records;
import com.companion.worker.title.TitleService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The title queue, one request at a time per instance: titles are low priority, so they take one
 * model call's worth of the instance at most and never a slot of the reply queue.
 */
@Component
class TitleConsumer {

    private final TitleService titles;

    TitleConsumer(TitleService titles) {
        this.titles = titles;
    }

    @KafkaListener(topics = Topics.TITLE_REQUESTS, groupId = "${worker.titles.group-id}")
    void on(ConsumerRecord<String, String> record) throws InterruptedException {
        var event = Records.event(record);
        if (event.isPresent() && event.get().data() instanceof TitleRequested request) {
            titles.title(request);
        }
    }
}
