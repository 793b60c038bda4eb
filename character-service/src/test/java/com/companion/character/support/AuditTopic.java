package com.companion.character.support;

import static org.awaitility.Awaitility.await;

import com.companion.contracts.EventJson;
import com.companion.contracts.Topics;
import com.companion.contracts.moderation.AdminActionRecorded;
import com.companion.platform.test.KafkaProbe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** What reached the moderation audit ({@code moderation.audit.v1}) about one target, in order. */
public final class AuditTopic implements AutoCloseable {

    private final KafkaProbe probe = new KafkaProbe(Topics.MODERATION_AUDIT);

    public List<AdminActionRecorded> about(UUID targetId) {
        return probe.records().stream()
                .filter(record -> targetId.toString().equals(record.key()))
                .map(record ->
                        (AdminActionRecorded) EventJson.decode(record.value()).data())
                .toList();
    }

    /** Once exactly {@code count} entries are there and no more arrive for a second. */
    public List<AdminActionRecorded> awaitExactly(UUID targetId, int count) {
        return await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(30))
                .until(() -> about(targetId), seen -> seen.size() == count);
    }

    @Override
    public void close() {
        probe.close();
    }
}
