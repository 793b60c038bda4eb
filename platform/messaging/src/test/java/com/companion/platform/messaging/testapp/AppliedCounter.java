package com.companion.platform.messaging.testapp;

import com.companion.contracts.Event;
import com.companion.contracts.EventEnvelope;
import com.companion.contracts.Topics;
import com.companion.contracts.auth.UserRegistered;
import com.companion.platform.messaging.inbox.ProcessedEvents;
import com.companion.platform.messaging.kafka.Records;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An idempotent consumer: counts registrations per username once per event id. Usernames steer
 * failures: {@code flaky-*} fails its first delivery after applying its effect (which must roll
 * back), {@code always-fails-*} fails every delivery.
 */
@Component
public class AppliedCounter {

    public static final String CONSUMER = "applied-counter";

    private final JdbcClient jdbc;
    private final ProcessedEvents processed;
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    public AppliedCounter(JdbcClient jdbc, ProcessedEvents processed) {
        this.jdbc = jdbc;
        this.processed = processed;
    }

    @KafkaListener(topics = Topics.AUTH_USERS, groupId = "${platform.kafka.consumer-group}")
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope<Event> envelope = Records.event(record).orElseThrow();
        if (!(envelope.data() instanceof UserRegistered registered)) {
            return;
        }
        String username = registered.username();
        int delivery =
                deliveries.computeIfAbsent(username, u -> new AtomicInteger()).incrementAndGet();
        if (!processed.firstTime(CONSUMER, envelope.eventId())) {
            return;
        }
        jdbc.sql("""
                        insert into applied_count (username, applied) values (:username, 1)
                        on conflict (username) do update set applied = applied_count.applied + 1
                        """).param("username", username).update();
        if (username.startsWith("always-fails") || (username.startsWith("flaky") && delivery == 1)) {
            throw new IllegalStateException("handler failed for " + username);
        }
    }

    public int deliveries(String username) {
        AtomicInteger count = deliveries.get(username);
        return count == null ? 0 : count.get();
    }

    public int applied(String username) {
        return jdbc.sql("select coalesce(max(applied), 0) from applied_count where username = :username")
                .param("username", username)
                .query(Integer.class)
                .single();
    }
}
