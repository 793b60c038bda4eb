package com.companion.analytics.topology;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Kafka Streams through spring-kafka: Boot builds the streams configuration from {@code spring.kafka.streams.*}
 * (application id, exactly_once_v2, standby replicas, state directory), this class adds the topology and a
 * health indicator that is up only while the streams run.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsConfiguration {

    @Bean
    KStream<String, ?> analyticsInput(StreamsBuilder builder, AnalyticsProperties properties) {
        return AnalyticsTopology.build(builder, properties.grace());
    }

    /** Rebalancing counts as up: queries are served from the global store meanwhile. */
    @Bean
    HealthIndicator streamsHealthIndicator(StreamsBuilderFactoryBean factory) {
        return () -> {
            KafkaStreams streams = factory.getKafkaStreams();
            KafkaStreams.State state = streams == null ? null : streams.state();
            boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
            return (up ? Health.up() : Health.down())
                    .withDetail("state", String.valueOf(state))
                    .build();
        };
    }
}
