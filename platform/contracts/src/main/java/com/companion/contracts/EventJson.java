package com.companion.contracts;

import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of events: snake_case fields, ISO-8601 instants, the envelope around the
 * event. Readers ignore fields they do not know so that adding a field is not a breaking change.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static String encode(EventEnvelope<?> envelope) {
        return MAPPER.writeValueAsString(envelope);
    }

    public static String encode(Event event) {
        return encode(EventEnvelope.wrap(event));
    }

    /** Reads an envelope whose {@code data} is decoded to the Java type its event type names. */
    public static EventEnvelope<Event> decode(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("empty record value", null);
        }
        try {
            JsonNode root = MAPPER.readTree(json);
            String typeName = text(root, "event_type");
            EventType<?> type = EventTypes.byName(typeName);
            JsonNode data = root.get("data");
            if (data == null || !data.isObject()) {
                throw new MalformedEventException("event '" + typeName + "' has no data object", null);
            }
            Event event = MAPPER.treeToValue(data, type.javaType());
            RequiredFields.check(event, "data");
            return new EventEnvelope<>(
                    UUID.fromString(text(root, "event_id")),
                    typeName,
                    java.time.Instant.parse(text(root, "occurred_at")),
                    schemaVersion(root, type),
                    event);
        } catch (JacksonException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new MalformedEventException("not a valid event envelope: " + e.getMessage(), e);
        }
    }

    private static int schemaVersion(JsonNode root, EventType<?> type) {
        JsonNode node = root.get("schema_version");
        if (node == null || node.isNull()) {
            return type.schemaVersion();
        }
        if (!node.isIntegralNumber()) {
            throw new MalformedEventException("'schema_version' must be an integer", null);
        }
        return node.asInt();
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isString()) {
            throw new MalformedEventException("missing '" + field + "'", null);
        }
        return node.asString();
    }

    private EventJson() {}
}
