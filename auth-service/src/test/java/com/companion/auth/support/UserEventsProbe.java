package com.companion.auth.support;

import com.companion.contracts.Topics;
import com.companion.platform.test.KafkaProbe;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;

/** What reached {@code auth.users.v1} about one user (the broker is shared by every test class). */
public final class UserEventsProbe implements AutoCloseable {

    public record Seen(String key, String type, JsonNode data) {}

    private final KafkaProbe probe = new KafkaProbe(Topics.AUTH_USERS);

    public List<Seen> about(String userId) {
        return probe.records().stream()
                .filter(record -> userId.equals(record.key()))
                .map(UserEventsProbe::seen)
                .toList();
    }

    public List<Seen> about(String userId, String eventType) {
        return about(userId).stream()
                .filter(seen -> eventType.equals(seen.type()))
                .toList();
    }

    private static Seen seen(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return new Seen(record.key(), "tombstone", null);
        }
        JsonNode envelope = Api.JSON.readTree(record.value());
        return new Seen(record.key(), envelope.path("event_type").asString(), envelope.path("data"));
    }

    @Override
    public void close() {
        probe.close();
    }
}
