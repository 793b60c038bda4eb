package com.companion.worker.intake;

import com.companion.contracts.Topics;
import com.companion.contracts.chat.SummaryRequested;
import com.companion.platform.messaging.kafka.Records;
import com.companion.worker.summary.SummaryService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The summary queue, one request at a time per instance: like titles, summaries are low priority, so they take
 * one model call's worth of the instance at most and never a slot of the reply queue.
 */
@Component
class SummaryConsumer {

    private final SummaryService summaries;

    SummaryConsumer(SummaryService summaries) {
        this.summaries = summaries;
    }

    @KafkaListener(topics = Topics.SUMMARY_REQUESTS, groupId = "${worker.summaries.group-id}")
    void on(ConsumerRecord<String, String> record) throws InterruptedException {
        var event = Records.event(record);
        if (event.isPresent() && event.get().data() instanceof SummaryRequested request) {
            summaries.summarize(request);
        }
    }
}
