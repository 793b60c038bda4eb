package com.companion.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.contracts.EventSamples.Sample;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps {@code asyncapi/asyncapi.yaml} honest: every topic and event is described, every pinned
 * sample validates against its message schema, and every record component (and every property
 * the codec writes) is declared with the matching type, so a field added to a record without
 * updating the document fails the build.
 */
class AsyncApiDocumentTest {

    private static final AsyncApiDocument DOC = AsyncApiDocument.load();
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    static Stream<Sample> samples() {
        return EventSamples.all().stream();
    }

    static Stream<EventType<?>> eventTypes() {
        return EventTypes.ALL.stream();
    }

    static Stream<Class<?>> records() {
        return ContractTypes.records().stream();
    }

    static Stream<Class<?>> enums() {
        return ContractTypes.enums().stream();
    }

    @Test
    void documentIsAsyncApi3WithJsonMessages() {
        assertThat(DOC.root().path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(DOC.root().path("defaultContentType").asString()).isEqualTo("application/json");
        assertThat(DOC.root().path("info").path("title").asString()).isNotBlank();
    }

    @Test
    void everyLocalReferenceResolves() {
        List<String> refs = new ArrayList<>();
        visit(DOC.root(), node -> {
            if (node.has("$ref")) {
                refs.add(node.get("$ref").asString());
            }
        });

        assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(DOC.at(ref)).isNotNull());
    }

    @Test
    void everyTopicHasAChannelAddressedByItsNameAndEveryChannelIsATopic() {
        assertThat(DOC.channelsByAddress().keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void everyEventTypeHasAMessageNamedByItsWireNameAndEveryMessageIsAnEventType() {
        assertThat(DOC.messagesByName().keySet())
                .containsExactlyInAnyOrderElementsOf(
                        EventTypes.ALL.stream().map(EventType::name).toList());
    }

    @Test
    void eachChannelCarriesExactlyTheEventTypesOfItsTopic() {
        DOC.channelsByAddress().forEach((topic, channel) -> {
            List<String> names = new ArrayList<>();
            channel.path("messages")
                    .forEach(ref -> names.add(DOC.resolve(ref).path("name").asString()));

            assertThat(names)
                    .as("messages of channel %s", topic)
                    .containsExactlyInAnyOrderElementsOf(EventTypes.onTopic(topic).stream()
                            .map(EventType::name)
                            .toList());
        });
    }

    @Test
    void everyOperationSendsMessagesOfItsOwnChannel() {
        Set<String> sentOn = new HashSet<>();
        DOC.root().path("operations").forEachEntry((id, operation) -> {
            JsonNode channel = DOC.resolve(operation.path("channel"));
            String topic = channel.path("address").asString();
            sentOn.add(topic);
            assertThat(operation.path("action").asString()).as(id).isEqualTo("send");
            operation
                    .path("messages")
                    .forEach(ref -> assertThat(ref.path("$ref").asString())
                            .as(id)
                            .startsWith(operation.path("channel").path("$ref").asString() + "/messages/"));
        });

        assertThat(sentOn).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void compactedTopicsAndOnlyThoseAreConfiguredAndDescribedAsCompacted() {
        DOC.channelsByAddress().forEach((topic, channel) -> {
            List<String> policy = new ArrayList<>();
            channel.path("bindings")
                    .path("kafka")
                    .path("topicConfiguration")
                    .path("cleanup.policy")
                    .forEach(value -> policy.add(value.asString()));
            boolean compacted = Topics.COMPACTED.contains(topic);

            assertThat(policy.contains("compact"))
                    .as("cleanup.policy of %s", topic)
                    .isEqualTo(compacted);
            assertThat(channel.path("description").asString().contains("Compacted"))
                    .as("description of %s", topic)
                    .isEqualTo(compacted);
        });
    }

    @Test
    void replyChunksChannelDescribesItsShortRetention() {
        String description = DOC.channelsByAddress()
                .get(Topics.REPLY_CHUNKS)
                .path("description")
                .asString();

        assertThat(description).contains("retention").contains(Topics.REPLIES);
    }

    @Test
    void channelDescriptionNamesTheIdThatKeysItsRecords() {
        DOC.channelsByAddress().forEach((topic, channel) -> {
            Set<String> keys = new TreeSet<>();
            channel.path("messages")
                    .forEach(ref -> keys.add(keyProperty(DOC.resolve(ref)).orElseThrow()));

            assertThat(keys).as("key of every message on %s", topic).hasSize(1);
            assertThat(channel.path("description").asString())
                    .contains("Key: `" + keys.iterator().next() + "`");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void messageKeySchemaNamesTheDataPropertyThePartitionKeyComesFrom(Sample sample) {
        JsonNode message = DOC.at(DOC.messagePointer(sample.type().name()));
        String keyProperty = keyProperty(message).orElseThrow();
        JsonNode data = encoded(sample).get("data");
        Schema keySchema = DOC.validator(DOC.messagePointer(sample.type().name()) + "/bindings/kafka/key");

        assertThat(data.path(keyProperty).asString())
                .isEqualTo(sample.envelope().key());
        assertThat(keySchema.validate(
                        EventJson.mapper().valueToTree(sample.envelope().key())))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void messageWrapsItsDataSchemaInTheEnvelopeAsJson(EventType<?> type) {
        JsonNode message = DOC.at(DOC.messagePointer(type.name()));
        JsonNode payload = message.path("payload");
        List<String> allOfRefs = new ArrayList<>();
        payload.path("allOf").forEach(part -> allOfRefs.add(part.path("$ref").asString()));
        JsonNode specific = payload.path("allOf").get(1).path("properties");

        assertThat(message.path("contentType").asString()).isEqualTo("application/json");
        assertThat(allOfRefs).contains(AsyncApiDocument.SCHEMAS + "EventEnvelope");
        assertThat(specific.path("event_type").path("const").asString()).isEqualTo(type.name());
        assertThat(specific.path("schema_version").path("const").asInt()).isEqualTo(type.schemaVersion());
        assertThat(specific.path("data").path("$ref").asString())
                .isEqualTo(AsyncApiDocument.SCHEMAS + type.javaType().getSimpleName());
        assertThat(message.path("bindings")
                        .path("kafka")
                        .path("key")
                        .path("format")
                        .asString())
                .isEqualTo("uuid");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void headersSchemaRequiresThisEventTypeAndAnEventIdAndAcceptsTraceContext(EventType<?> type) {
        Schema headers = DOC.validator(DOC.messagePointer(type.name()) + "/headers");
        String otherType = EventTypes.ALL.stream()
                .map(EventType::name)
                .filter(n -> !n.equals(type.name()))
                .findFirst()
                .orElseThrow();

        assertThat(validate(headers, headerNode(type.name(), EventSamples.EVENT_ID.toString(), TRACEPARENT)))
                .isEmpty();
        assertThat(validate(headers, headerNode(type.name(), EventSamples.EVENT_ID.toString(), null)))
                .as("traceparent is optional: tracing may be off")
                .isEmpty();
        assertThat(validate(headers, headerNode(otherType, EventSamples.EVENT_ID.toString(), TRACEPARENT)))
                .isNotEmpty();
        assertThat(validate(headers, headerNode(type.name(), null, TRACEPARENT)))
                .isNotEmpty();
        assertThat(validate(headers, headerNode(type.name(), EventSamples.EVENT_ID.toString(), "not-a-trace")))
                .isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void encodedSampleIsValidAgainstItsMessagePayloadSchema(Sample sample) {
        Schema payload = DOC.validator(DOC.messagePointer(sample.type().name()) + "/payload");

        assertThat(validate(payload, encoded(sample))).isEmpty();
    }

    /**
     * Schemas leave additional properties open, so validation alone would not notice a property the
     * document does not know; this walks the encoded JSON and looks each property up.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyPropertyTheCodecWritesIsDeclaredInTheDocument(Sample sample) {
        JsonNode payload = DOC.at(DOC.messagePointer(sample.type().name()) + "/payload");
        List<String> undeclared = new ArrayList<>();

        collectUndeclared(encoded(sample), List.of(payload), "$", undeclared);

        assertThat(undeclared)
                .as("properties of %s missing from %s", sample, AsyncApiDocument.RESOURCE)
                .isEmpty();
    }

    @Test
    void envelopeSchemaDeclaresAndRequiresExactlyTheEnvelopeFields() {
        JsonNode envelope = DOC.schema("EventEnvelope");
        Set<String> fields = Stream.of(EventEnvelope.class.getRecordComponents())
                .map(component -> ContractTypes.wireName(component.getName()))
                .collect(Collectors.toSet());

        assertThat(envelope.path("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(fields);
        assertThat(strings(envelope.path("required"))).containsExactlyInAnyOrderElementsOf(fields);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void recordIsDescribedByTheSchemaOfTheSameNameComponentByComponent(Class<?> record) {
        assertThat(DOC.hasSchema(record.getSimpleName()))
                .as("components.schemas.%s", record.getSimpleName())
                .isTrue();
        JsonNode schema = DOC.schema(record.getSimpleName());
        Set<String> required = new HashSet<>(strings(schema.path("required")));
        List<String> problems = new ArrayList<>();

        assertThat(schema.path("type").asString()).isEqualTo("object");
        assertThat(schema.path("properties").propertyNames())
                .as("properties of %s", record.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(Stream.of(record.getRecordComponents())
                        .map(component -> ContractTypes.wireName(component.getName()))
                        .toList());
        assertThat(schema.path("properties").propertyNames()).containsAll(required);

        for (RecordComponent component : record.getRecordComponents()) {
            String name = ContractTypes.wireName(component.getName());
            String where = record.getSimpleName() + "." + name;
            Declared declared = Declared.of(schema.path("properties").path(name));
            if (component.getType().isPrimitive() && (declared.nullable() || !required.contains(name))) {
                problems.add(where + " is a primitive: it must be required and not nullable");
            }
            if (!component.getType().isPrimitive() && declared.nullable() == required.contains(name)) {
                problems.add(where + " must be either required or nullable (type [..., 'null'] / oneOf null)");
            }
            if (ContractTypes.isList(component)) {
                if (!"array".equals(declared.type())) {
                    problems.add(where + " is a list: expected type array, found " + declared.type());
                } else {
                    checkValue(
                            ContractTypes.elementType(component),
                            Declared.of(declared.node().path("items")),
                            where + "[]",
                            problems);
                }
            } else {
                checkValue(component.getType(), declared, where, problems);
            }
        }

        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enums")
    void enumSchemaListsExactlyTheLowercaseWireValues(Class<?> enumType) {
        JsonNode schema = DOC.schema(enumType.getSimpleName());
        List<String> wire = Stream.of(enumType.getEnumConstants())
                .map(constant -> ContractTypes.wire((Enum<?>) constant))
                .toList();

        assertThat(schema.path("type").asString()).isEqualTo("string");
        assertThat(strings(schema.path("enum")))
                .containsExactlyElementsOf(wire)
                .allSatisfy(value -> assertThat(value).isLowerCase());
    }

    /** Otherwise the JSON of a null is not pinned and the nullable declaration never validated. */
    @Test
    void everyNullablePropertyIsNullInSomeSample() {
        Set<String> nullInSamples = new TreeSet<>();
        EventSamples.all().forEach(sample -> collectNulls(sample.event(), nullInSamples));
        Set<String> nullable = new TreeSet<>();
        for (Class<?> record : ContractTypes.records()) {
            DOC.schema(record.getSimpleName()).path("properties").forEachEntry((name, property) -> {
                if (Declared.of(property).nullable()) {
                    nullable.add(record.getSimpleName() + "." + name);
                }
            });
        }

        assertThat(nullable).isNotEmpty();
        assertThat(nullInSamples).containsAll(nullable);
    }

    @Test
    void noSchemaClosesAdditionalProperties() {
        List<JsonNode> closed = new ArrayList<>();
        visit(DOC.root(), node -> {
            JsonNode additional = node.get("additionalProperties");
            if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
                closed.add(node);
            }
        });

        assertThat(closed).as("consumers must tolerate added properties").isEmpty();
    }

    @Test
    void descriptionExplainsTheDeadLetterConvention() {
        String description = DOC.root().path("info").path("description").asString();

        assertThat(description)
                .contains("<topic>.DLT")
                .contains(Topics.deadLetter(Topics.REPLIES))
                .contains("kafka_dlt-original-topic")
                .contains("kafka_dlt-exception-message");
        assertThat(DOC.schema("DeadLetterHeaders").path("properties").propertyNames())
                .contains("kafka_dlt-original-topic", "kafka_dlt-exception-fqcn", "kafka_dlt-exception-message");
    }

    static Stream<Arguments> contractBreaches() {
        return Stream.of(
                breach("event_id is not a UUID", EventSamples.userDeleted(), e -> e.put("event_id", "42")),
                breach(
                        "occurred_at is not a date-time",
                        EventSamples.userDeleted(),
                        e -> e.put("occurred_at", "today")),
                breach(
                        "event_type of another message",
                        EventSamples.userDeleted(),
                        e -> e.put("event_type", "auth.user-registered")),
                breach("schema_version missing", EventSamples.userDeleted(), e -> e.remove("schema_version")),
                breach("required data property missing", EventSamples.replyCompleted(), e -> data(e).remove("model")),
                breach("null in a non-nullable property", EventSamples.replyCompleted(), e -> data(e).putNull("model")),
                breach("enum value in uppercase", EventSamples.replyCompleted(), e -> data(e).put("plan", "PREMIUM")),
                breach(
                        "string where an integer belongs",
                        EventSamples.replyCompleted(),
                        e -> data(e).put("latency_ms", "1840")),
                breach(
                        "slider above 100",
                        EventSamples.characterUpserted(),
                        e -> ((ObjectNode) data(e).get("sliders")).put("humor", 101)),
                breach(
                        "nested record of the wrong shape",
                        EventSamples.adDecisionWithAd(),
                        e -> data(e).put("ad", "ad-1001")),
                breach(
                        "list item of the wrong type",
                        EventSamples.characterUpserted(),
                        e -> data(e).putArray("grantee_ids").add("bob")));
    }

    /** Guards the validator setup itself: formats, enums, required and null must really be enforced. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("contractBreaches")
    void payloadSchemaRejectsAnEventThatBreaksTheContract(String breach, String eventType, ObjectNode envelope) {
        Schema payload = DOC.validator(DOC.messagePointer(eventType) + "/payload");

        assertThat(validate(payload, envelope)).as(breach).isNotEmpty();
    }

    private static Arguments breach(String description, Event event, Consumer<ObjectNode> change) {
        ObjectNode envelope = (ObjectNode) EventJson.mapper()
                .readTree(EventJson.encode(EventEnvelope.wrap(EventSamples.EVENT_ID, EventSamples.OCCURRED_AT, event)));
        change.accept(envelope);
        return Arguments.of(description, EventTypes.of(event.getClass()).name(), envelope);
    }

    private static ObjectNode data(ObjectNode envelope) {
        return (ObjectNode) envelope.get("data");
    }

    /** A property schema with its nullability separated from the type it allows otherwise. */
    private record Declared(JsonNode node, String type, String ref, boolean nullable) {

        static Declared of(JsonNode property) {
            JsonNode type = property.path("type");
            if (type.isArray()) {
                List<String> types = new ArrayList<>(strings(type));
                boolean nullable = types.remove("null");
                return new Declared(property, types.size() == 1 ? types.getFirst() : types.toString(), null, nullable);
            }
            for (String combinator : List.of("oneOf", "anyOf")) {
                JsonNode options = property.path(combinator);
                if (options.isArray() && options.size() == 2) {
                    List<JsonNode> nonNull = new ArrayList<>();
                    options.forEach(option -> {
                        if (!"null".equals(option.path("type").asString())) {
                            nonNull.add(option);
                        }
                    });
                    if (nonNull.size() == 1) {
                        Declared inner = of(nonNull.getFirst());
                        return new Declared(inner.node(), inner.type(), inner.ref(), true);
                    }
                }
            }
            String ref = property.has("$ref") ? property.get("$ref").asString() : null;
            return new Declared(property, type.isString() ? type.asString() : null, ref, false);
        }
    }

    private static void checkValue(Class<?> javaType, Declared declared, String where, List<String> problems) {
        String format = declared.node().path("format").asString();
        if (javaType.isRecord() || javaType.isEnum()) {
            String expected = AsyncApiDocument.SCHEMAS + javaType.getSimpleName();
            if (!expected.equals(declared.ref())) {
                problems.add(where + ": expected $ref " + expected + ", found " + declared.node());
            }
            return;
        }
        String expectedType;
        String expectedFormat;
        if (javaType == UUID.class) {
            expectedType = "string";
            expectedFormat = "uuid";
        } else if (javaType == Instant.class) {
            expectedType = "string";
            expectedFormat = "date-time";
        } else if (javaType == String.class) {
            expectedType = "string";
            expectedFormat = List.of("uuid", "date-time").contains(format) ? "" : format;
        } else if (javaType == boolean.class || javaType == Boolean.class) {
            expectedType = "boolean";
            expectedFormat = "";
        } else if (javaType == int.class || javaType == Integer.class) {
            expectedType = "integer";
            expectedFormat = "int32";
        } else if (javaType == long.class || javaType == Long.class) {
            expectedType = "integer";
            expectedFormat = "int64";
        } else {
            problems.add(where + ": no wire rule for Java type " + javaType.getName() + "; extend this test");
            return;
        }
        if (!expectedType.equals(declared.type()) || !expectedFormat.equals(format)) {
            problems.add(where + ": expected type " + expectedType
                    + (expectedFormat.isEmpty() ? "" : " format " + expectedFormat) + ", found " + declared.node());
        }
    }

    private static void collectUndeclared(
            JsonNode instance, List<JsonNode> schemas, String path, List<String> undeclared) {
        List<JsonNode> candidates = expand(schemas);
        if (instance.isObject()) {
            instance.forEachEntry((name, value) -> {
                List<JsonNode> declarations = candidates.stream()
                        .map(schema -> schema.path("properties").get(name))
                        .filter(declaration -> declaration != null)
                        .toList();
                if (declarations.isEmpty()) {
                    undeclared.add(path + "." + name);
                } else {
                    collectUndeclared(value, declarations, path + "." + name, undeclared);
                }
            });
        } else if (instance.isArray()) {
            List<JsonNode> items = candidates.stream()
                    .map(schema -> schema.get("items"))
                    .filter(item -> item != null)
                    .toList();
            int i = 0;
            for (JsonNode element : instance) {
                if (items.isEmpty()) {
                    undeclared.add(path + "[" + i + "] (no items schema)");
                } else {
                    collectUndeclared(element, items, path + "[" + i + "]", undeclared);
                }
                i++;
            }
        }
    }

    /** The schemas themselves plus everything they combine, references resolved. */
    private static List<JsonNode> expand(List<JsonNode> schemas) {
        Set<JsonNode> result = new LinkedHashSet<>();
        List<JsonNode> todo = new ArrayList<>(schemas);
        while (!todo.isEmpty()) {
            JsonNode schema = DOC.resolve(todo.removeFirst());
            if (result.add(schema)) {
                for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
                    schema.path(combinator).forEach(todo::add);
                }
            }
        }
        return List.copyOf(result);
    }

    private static void collectNulls(Object value, Set<String> nulls) {
        if (value instanceof Collection<?> collection) {
            collection.forEach(element -> collectNulls(element, nulls));
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object componentValue;
                try {
                    componentValue = component.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                if (componentValue == null) {
                    nulls.add(record.getClass().getSimpleName() + "." + ContractTypes.wireName(component.getName()));
                }
                collectNulls(componentValue, nulls);
            }
        }
    }

    private static Optional<String> keyProperty(JsonNode message) {
        JsonNode key = message.path("bindings").path("kafka").path("key").path(AsyncApiDocument.KEY_PROPERTY);
        return key.isString() ? Optional.of(key.asString()) : Optional.empty();
    }

    private static JsonNode encoded(Sample sample) {
        return EventJson.mapper().readTree(EventJson.encode(sample.envelope()));
    }

    private static ObjectNode headerNode(String eventType, String eventId, String traceparent) {
        ObjectNode headers = EventJson.mapper().createObjectNode();
        if (eventType != null) {
            headers.put("event_type", eventType);
        }
        if (eventId != null) {
            headers.put("event_id", eventId);
        }
        if (traceparent != null) {
            headers.put("traceparent", traceparent);
        }
        return headers;
    }

    private static List<String> validate(Schema schema, JsonNode instance) {
        return schema.validate(instance.toString(), InputFormat.JSON).stream()
                .map(Error::toString)
                .toList();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static void visit(JsonNode node, Consumer<JsonNode> visitor) {
        visitor.accept(node);
        node.forEach(child -> visit(child, visitor));
    }
}
