package com.companion.worker.intake;

import com.companion.worker.reply.ReplyProperties;
import com.companion.worker.reply.ReplyService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ProducerFactory;

@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    DeadLetters deadLetters(
            ProducerFactory<?, ?> producerFactory, IntakeProperties properties, ReplyProperties replyProperties) {
        return new DeadLetters(
                producerFactory,
                properties.groupId(),
                replyProperties.publishTimeout().toMillis());
    }

    /** The health contributor is named {@code requestConsumer} after this bean. */
    @Bean
    RequestConsumer requestConsumer(
            KafkaProperties kafkaProperties,
            IntakeProperties properties,
            ReplyService replies,
            DeadLetters deadLetters,
            ObservationRegistry observations,
            MeterRegistry meters) {
        return new RequestConsumer(kafkaProperties, properties, replies, deadLetters, observations, meters);
    }
}
