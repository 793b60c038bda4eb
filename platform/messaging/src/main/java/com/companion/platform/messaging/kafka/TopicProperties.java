package com.companion.platform.messaging.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the platform's topics are created when missing. Production clusters usually create
 * topics through their own tooling; then these only matter for the local stack and tests.
 */
@ConfigurationProperties("platform.kafka.topics")
public record TopicProperties(
        Integer partitions, Short replicationFactor, Duration replyChunkRetention, Boolean create) {

    public TopicProperties {
        partitions = partitions == null ? 6 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        replyChunkRetention = replyChunkRetention == null ? Duration.ofHours(1) : replyChunkRetention;
        create = create == null || create;
    }
}
