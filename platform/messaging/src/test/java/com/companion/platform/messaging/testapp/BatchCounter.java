package com.companion.platform.messaging.testapp;

import com.companion.contracts.Event;
import com.companion.contracts.EventEnvelope;
import com.companion.contracts.Topics;
import com.companion.contracts.auth.UserRegistered;
import com.companion.platform.messaging.inbox.ProcessedEvents;
import com.companion.platform.messaging.kafka.Batches;
import com.companion.platform.messaging.kafka.Records;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The batch form of {@link AppliedCounter}, in a group of its own on the same topic: counts registrations per
 * username once per event id, a whole poll in one transaction. {@code batch-fails-*} fails every delivery;
 * the size of every batch that held more than one record is kept.
 */
@Component
public class BatchCounter {

    public static final String CONSUMER = "batch-counter";

    private final JdbcClient jdbc;
    private final ProcessedEvents processed;
    private final Batches batches;
    private final Set<Integer> batchSizes = ConcurrentHashMap.newKeySet();

    public BatchCounter(JdbcClient jdbc, ProcessedEvents processed, Batches batches) {
        this.jdbc = jdbc;
        this.processed = processed;
        this.batches = batches;
    }

    @KafkaListener(
            id = "batch-counter",
            topics = Topics.AUTH_USERS,
            groupId = "${platform.kafka.consumer-group}-batch",
            batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        if (records.size() > 1) {
            batchSizes.add(records.size());
        }
        batches.applyInOneTransaction(records, this::apply);
    }

    private void apply(ConsumerRecord<String, String> record) {
        EventEnvelope<Event> envelope = Records.event(record).orElseThrow();
        if (!(envelope.data() instanceof UserRegistered registered)) {
            return;
        }
        String username = registered.username();
        if (!processed.firstTime(CONSUMER, envelope.eventId())) {
            return;
        }
        jdbc.sql("""
                        insert into batch_applied_count (username, applied) values (:username, 1)
                        on conflict (username) do update set applied = batch_applied_count.applied + 1
                        """).param("username", username).update();
        if (username.startsWith("batch-fails")) {
            throw new IllegalStateException("batch handler failed for " + username);
        }
    }

    public int applied(String username) {
        return jdbc.sql("select coalesce(max(applied), 0) from batch_applied_count where username = :username")
                .param("username", username)
                .query(Integer.class)
                .single();
    }

    public Set<Integer> batchSizes() {
        return batchSizes;
    }
}
