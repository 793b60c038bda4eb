package com.companion.media.testing;

import com.companion.contracts.Event;
import com.companion.contracts.EventEnvelope;
import com.companion.contracts.EventJson;
import com.companion.contracts.character.CharacterDeleted;
import com.companion.contracts.character.Visibility;
import com.companion.platform.test.SampleCharacters;
import com.companion.platform.test.TestKafka;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plays character-service (characters arrive on its topic as it publishes them), and auth-service for accounts. */
public final class Characters implements AutoCloseable {

    private static final AtomicLong VERSIONS = new AtomicLong(System.currentTimeMillis());

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestKafka.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.LINGER_MS_CONFIG,
            0));

    public UUID publish(UUID owner, Visibility visibility, boolean nsfw, UUID... grantees) {
        UUID id = UUID.randomUUID();
        publish(SampleCharacters.upserted(id, owner, VERSIONS.incrementAndGet(), visibility, nsfw, grantees));
        return id;
    }

    public void delete(UUID characterId, UUID owner) {
        publish(new CharacterDeleted(characterId, owner, VERSIONS.incrementAndGet()));
    }

    public void publish(Event event) {
        EventEnvelope<?> envelope = EventEnvelope.wrap(event);
        try {
            producer.send(new ProducerRecord<>(envelope.topic(), envelope.key(), EventJson.encode(envelope)))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
