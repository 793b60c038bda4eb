package com.companion.chat.reply;

import com.companion.chat.memory.Summaries;
import com.companion.chat.request.Requests;
import com.companion.chat.title.Titles;
import com.companion.contracts.Topics;
import com.companion.contracts.ads.AdDecision;
import com.companion.contracts.chat.ReplyBlocked;
import com.companion.contracts.chat.ReplyCompleted;
import com.companion.contracts.chat.ReplyFailed;
import com.companion.contracts.chat.SessionSummarized;
import com.companion.contracts.chat.SessionTitled;
import com.companion.platform.messaging.inbox.ProcessedEvents;
import com.companion.platform.messaging.kafka.Batches;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Replies, ad decisions, generated session titles and summaries, in the group every instance shares, so each is applied once whichever
 * instance consumes it: decoded here, applied by {@link Requests}, in one transaction with the
 * record of having processed the event. A poll's records share that transaction ({@link Batches}).
 */
@Component
class ReplyConsumer {

    private static final String CONSUMER = "chat-replies";

    private final Requests requests;
    private final Titles titles;
    private final Summaries summaries;
    private final ProcessedEvents processed;
    private final Batches batches;

    ReplyConsumer(Requests requests, Titles titles, Summaries summaries, ProcessedEvents processed, Batches batches) {
        this.batches = batches;
        this.summaries = summaries;
        this.requests = requests;
        this.titles = titles;
        this.processed = processed;
    }

    @KafkaListener(
            topics = {Topics.REPLIES, Topics.AD_DECISIONS},
            groupId = "${platform.kafka.consumer-group}",
            concurrency = "${platform.kafka.hot-listener-concurrency}",
            batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.applyInOneTransaction(records, this::apply);
    }

    private void apply(ConsumerRecord<String, String> record) {
        processed.once(CONSUMER, record, event -> {
            switch (event) {
                case ReplyCompleted reply -> requests.replied(reply);
                case AdDecision decision -> requests.decided(decision);
                case ReplyFailed failed -> requests.failed(failed);
                case ReplyBlocked blocked -> requests.blocked(blocked);
                case SessionTitled titled -> titles.titled(titled);
                case SessionSummarized summarized -> summaries.summarized(summarized);
                default -> {
                    // other events on these topics do not concern chat
                }
            }
        });
    }
}
