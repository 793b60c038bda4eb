package com.companion.character.support;

import com.companion.contracts.Event;
import com.companion.contracts.EventEnvelope;
import com.companion.contracts.EventJson;
import com.companion.platform.test.TestKafka;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/** Publishes events as the other services do: the envelope as JSON, keyed by the aggregate id. */
public final class KafkaEvents {

    private static KafkaProducer<String, String> producer;

    public static <T extends Event> EventEnvelope<T> publish(T event) {
        EventEnvelope<T> envelope = EventEnvelope.wrap(event);
        publish(envelope);
        return envelope;
    }

    public static void publish(EventEnvelope<?> envelope) {
        try {
            producer()
                    .send(new ProducerRecord<>(envelope.topic(), envelope.key(), EventJson.encode(envelope)))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused an event", e);
        }
    }

    /** The partition the default partitioner picks for a key, as for every producer of the platform. */
    public static int partitionOf(String topic, String key) {
        int partitions = producer().partitionsFor(topic).size();
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.ACKS_CONFIG, "all"));
        }
        return producer;
    }

    private KafkaEvents() {}
}
