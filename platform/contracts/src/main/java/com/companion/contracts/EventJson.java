package com.companion.contracts;

import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
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

    /** Binds the {@code data} object inside the envelope: what follows it is the envelope's, not trailing content. */
    private static final ObjectReader DATA = MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final ClassValue<ObjectReader> DATA_READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return DATA.forType(type);
        }
    };

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static String encode(EventEnvelope<?> envelope) {
        return MAPPER.writeValueAsString(envelope);
    }

    public static String encode(Event event) {
        return encode(EventEnvelope.wrap(event));
    }

    /**
     * Reads an envelope whose {@code data} is decoded to the Java type its event type names. One pass over the
     * text: the envelope's fields come before {@code data} in what {@link #encode} writes, so the data is bound
     * straight to its type; an envelope written with {@code data} first is read through a tree instead.
     */
    public static EventEnvelope<Event> decode(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("empty record value", null);
        }
        try (JsonParser parser = DATA.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedEventException("not a valid event envelope: not a JSON object", null);
            }
            String typeName = null;
            String eventId = null;
            String occurredAt = null;
            Integer schemaVersion = null;
            Event event = null;
            JsonNode dataFirst = null;
            boolean data = false;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "event_type" -> typeName = string(parser, value);
                    case "event_id" -> eventId = string(parser, value);
                    case "occurred_at" -> occurredAt = string(parser, value);
                    case "schema_version" -> schemaVersion = schemaVersion(parser, value);
                    case "data" -> {
                        if (value != JsonToken.START_OBJECT) {
                            throw new MalformedEventException("the event has no data object", null);
                        }
                        data = true;
                        if (typeName != null) {
                            event = DATA_READERS
                                    .get(EventTypes.byName(typeName).javaType())
                                    .readValue(parser);
                        } else {
                            dataFirst = DATA.readTree(parser);
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new MalformedEventException("not a valid event envelope: trailing content", null);
            }
            String type = required(typeName, "event_type");
            EventType<?> eventType = EventTypes.byName(type);
            if (!data) {
                throw new MalformedEventException("event '" + type + "' has no data object", null);
            }
            if (event == null) {
                event = MAPPER.treeToValue(dataFirst, eventType.javaType());
            }
            RequiredFields.check(event, "data");
            return new EventEnvelope<>(
                    UUID.fromString(required(eventId, "event_id")),
                    type,
                    java.time.Instant.parse(required(occurredAt, "occurred_at")),
                    schemaVersion == null ? eventType.schemaVersion() : schemaVersion,
                    event);
        } catch (JacksonException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new MalformedEventException("not a valid event envelope: " + e.getMessage(), e);
        }
    }

    private static Integer schemaVersion(JsonParser parser, JsonToken value) {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_NUMBER_INT) {
            throw new MalformedEventException("'schema_version' must be an integer", null);
        }
        return parser.getIntValue();
    }

    /** A string field's value, or null for any other value (a missing or malformed field is reported when used). */
    private static String string(JsonParser parser, JsonToken value) {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        parser.skipChildren();
        return null;
    }

    private static String required(String value, String field) {
        if (value == null) {
            throw new MalformedEventException("missing '" + field + "'", null);
        }
        return value;
    }

    private EventJson() {}
}
