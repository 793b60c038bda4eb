package com.companion.analytics.topology.internal;

import com.companion.analytics.figures.Figures;
import com.companion.contracts.EventEnvelope;
import com.companion.contracts.EventJson;
import com.companion.contracts.analytics.DailyRollup;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** The value formats of the topology: event envelopes in, figures in the stores, rollups out. */
public final class AnalyticsSerdes {

    private AnalyticsSerdes() {}

    /** Input: never throws; a tombstone decodes to null and is skipped. */
    public static Serde<Decoded> decoded() {
        Serializer<Decoded> serializer = (topic, decoded) -> decoded == null ? null : decoded.raw();
        Deserializer<Decoded> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return new Decoded(EventJson.decode(new String(bytes, StandardCharsets.UTF_8)), bytes, null);
            } catch (RuntimeException e) {
                return new Decoded(null, bytes, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    public static Serde<Figures> figures() {
        Serializer<Figures> serializer = (topic, figures) -> EventJson.mapper().writeValueAsBytes(figures);
        Deserializer<Figures> deserializer =
                (topic, bytes) -> bytes == null ? null : EventJson.mapper().readValue(bytes, Figures.class);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    /** A rollup travels in the platform's envelope, as every event does. */
    public static Serde<DailyRollup> rollups() {
        Serializer<DailyRollup> serializer = (topic, rollup) -> rollup == null
                ? null
                : EventJson.encode(EventEnvelope.wrap(rollup)).getBytes(StandardCharsets.UTF_8);
        Deserializer<DailyRollup> deserializer = (topic, bytes) -> bytes == null
                ? null
                : (DailyRollup) EventJson.decode(new String(bytes, StandardCharsets.UTF_8))
                        .data();
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
