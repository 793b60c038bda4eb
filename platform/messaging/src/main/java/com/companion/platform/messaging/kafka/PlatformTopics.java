package com.companion.platform.messaging.kafka;

import com.companion.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;

/** Every platform topic and its dead-letter topic, as topic definitions for {@code KafkaAdmin}. */
public final class PlatformTopics {

    public static List<NewTopic> all(TopicProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : Topics.ALL) {
            TopicBuilder topic = TopicBuilder.name(name)
                    .partitions(properties.partitions())
                    .replicas(properties.replicationFactor());
            if (Topics.COMPACTED.contains(name)) {
                topic.compact();
            }
            if (name.equals(Topics.REPLY_CHUNKS)) {
                topic.config(
                        TopicConfig.RETENTION_MS_CONFIG,
                        Long.toString(properties.replyChunkRetention().toMillis()));
            }
            topics.add(topic.build());
            // Dead letters keep the partition of the original record, so they need as many partitions.
            topics.add(TopicBuilder.name(Topics.deadLetter(name))
                    .partitions(properties.partitions())
                    .replicas(properties.replicationFactor())
                    .build());
        }
        return topics;
    }

    private PlatformTopics() {}
}
