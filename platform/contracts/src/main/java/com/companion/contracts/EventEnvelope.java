package com.companion.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * What travels as a record value: the metadata every event carries and the event itself under
 * {@code data}.
 */
public record EventEnvelope<T extends Event>(
        UUID eventId, String eventType, Instant occurredAt, int schemaVersion, T data) {

    public static <T extends Event> EventEnvelope<T> wrap(T event) {
        return wrap(UUID.randomUUID(), Instant.now(), event);
    }

    public static <T extends Event> EventEnvelope<T> wrap(UUID eventId, Instant occurredAt, T event) {
        EventType<?> type = EventTypes.of(event.getClass());
        return new EventEnvelope<>(eventId, type.name(), occurredAt, type.schemaVersion(), event);
    }

    public String topic() {
        return EventTypes.byName(eventType).topic();
    }

    public String key() {
        return data.partitionKey();
    }
}
