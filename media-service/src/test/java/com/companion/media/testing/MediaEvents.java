package com.companion.media.testing;

import com.companion.contracts.Event;
import com.companion.contracts.EventJson;
import com.companion.contracts.Topics;
import com.companion.platform.test.KafkaProbe;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

/** Reads {@code media.events.v1} as character-service would. */
public final class MediaEvents implements AutoCloseable {

    private final KafkaProbe probe = new KafkaProbe(Topics.MEDIA_EVENTS);

    /** The first record whose event {@code match} maps to a value, with that value. */
    public <T> Published<T> await(Function<Event, T> match) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> probe.records().stream()
                                .map(record -> {
                                    T value = match.apply(
                                            EventJson.decode(record.value()).data());
                                    return value == null ? null : new Published<>(record, value);
                                })
                                .filter(Objects::nonNull)
                                .findFirst()
                                .orElse(null),
                        Objects::nonNull);
    }

    public record Published<T>(ConsumerRecord<String, String> record, T event) {}

    @Override
    public void close() {
        probe.close();
    }
}
