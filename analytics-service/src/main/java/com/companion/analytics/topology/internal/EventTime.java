package com.companion.analytics.topology.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Windows follow when a thing happened ({@code occurred_at}), not when the record reached Kafka: an outbox
 * row relayed late, or a topic replayed, still counts on its own day.
 */
public final class EventTime implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof Decoded decoded && decoded.envelope() != null) {
            return decoded.envelope().occurredAt().toEpochMilli();
        }
        return record.timestamp();
    }

    public static LocalDate utcDay(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }
}
