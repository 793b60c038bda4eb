package com.companion.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.companion.contracts.auth.UserDeleted;
import com.companion.contracts.auth.UserUpdated;
import com.companion.contracts.chat.ReplyCompleted;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * What consumers get from a record value that is not a valid event: always a
 * {@link MalformedEventException}, so that error handlers can send it to the DLT without retrying.
 * And what they get from a newer producer: the fields they know, the rest ignored.
 */
class EventJsonDecodingTest {

    private static final String USER_ID = EventSamples.USER_ID.toString();

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n"})
    void emptyRecordValueIsMalformed(String value) {
        assertThatThrownBy(() -> EventJson.decode(value)).isInstanceOf(MalformedEventException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json at all",
                "{\"event_type\": \"auth.user-deleted\", \"data\": {",
                "<event type=\"auth.user-deleted\"/>",
                "[1, 2, 3]",
                "\"auth.user-deleted\"",
                "42",
                "null"
            })
    void garbageIsMalformed(String value) {
        assertThatThrownBy(() -> EventJson.decode(value)).isExactlyInstanceOf(MalformedEventException.class);
    }

    @Test
    void trailingGarbageAfterAValidEnvelopeIsMalformed() {
        String value = EventJson.encode(EventSamples.all().getFirst().envelope()) + " {\"extra\": true}";

        assertThatThrownBy(() -> EventJson.decode(value)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void missingEventTypeIsMalformed() {
        ObjectNode envelope = encodedTree(EventSamples.userDeleted());
        envelope.remove("event_type");

        assertThatThrownBy(() -> EventJson.decode(envelope.toString()))
                .isExactlyInstanceOf(MalformedEventException.class)
                .hasMessageContaining("event_type");
    }

    @Test
    void nonStringEventTypeIsMalformed() {
        ObjectNode envelope = encodedTree(EventSamples.userDeleted());
        envelope.put("event_type", 7);

        assertThatThrownBy(() -> EventJson.decode(envelope.toString())).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void unknownEventTypeIsReportedAsSuch() {
        ObjectNode envelope = encodedTree(EventSamples.userDeleted());
        envelope.put("event_type", "auth.user-exploded");

        assertThatThrownBy(() -> EventJson.decode(envelope.toString()))
                .isInstanceOf(UnknownEventTypeException.class)
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("auth.user-exploded");
    }

    @Test
    void javaClassNameAsEventTypeIsUnknown() {
        ObjectNode envelope = encodedTree(EventSamples.userDeleted());
        envelope.put("event_type", UserDeleted.class.getName());

        assertThatThrownBy(() -> EventJson.decode(envelope.toString())).isInstanceOf(UnknownEventTypeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"event_id", "occurred_at"})
    void missingEnvelopeFieldIsMalformed(String field) {
        ObjectNode envelope = encodedTree(EventSamples.userDeleted());
        envelope.remove(field);

        assertThatThrownBy(() -> EventJson.decode(envelope.toString())).isInstanceOf(MalformedEventException.class);
    }

    static Stream<Arguments> invalidEnvelopeFields() {
        return Stream.of(
                Arguments.of("event_id", "not-a-uuid"),
                Arguments.of("occurred_at", "yesterday"),
                Arguments.of("occurred_at", "2025-06-14 09:30"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidEnvelopeFields")
    void unparseableEnvelopeFieldIsMalformed(String field, String value) {
        ObjectNode envelope = encodedTree(EventSamples.userDeleted());
        envelope.put(field, value);

        assertThatThrownBy(() -> EventJson.decode(envelope.toString())).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void missingDataIsMalformed() {
        ObjectNode envelope = encodedTree(EventSamples.userDeleted());
        envelope.remove("data");

        assertThatThrownBy(() -> EventJson.decode(envelope.toString()))
                .isExactlyInstanceOf(MalformedEventException.class)
                .hasMessageContaining("data");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b\"", "null", "1"})
    void dataThatIsNotAnObjectIsMalformed(String data) {
        ObjectNode envelope = encodedTree(EventSamples.userDeleted());
        envelope.set("data", EventJson.mapper().readTree(data));

        assertThatThrownBy(() -> EventJson.decode(envelope.toString())).isInstanceOf(MalformedEventException.class);
    }

    static Stream<Arguments> wronglyShapedFields() {
        return Stream.of(
                Arguments.of(EventSamples.userDeleted(), "user_id", "\"not-a-uuid\""),
                Arguments.of(EventSamples.userDeleted(), "user_id", "{\"id\": \"" + USER_ID + "\"}"),
                Arguments.of(EventSamples.userDeleted(), "user_id", "[\"" + USER_ID + "\"]"),
                Arguments.of(EventSamples.userUpdated(), "changed", "\"plan\""),
                Arguments.of(EventSamples.userRegistered(), "plan", "\"gold\""),
                Arguments.of(EventSamples.userRegistered(), "plan", "\"PREMIUM\""),
                Arguments.of(EventSamples.userRegistered(), "is_adult", "\"maybe\""),
                Arguments.of(EventSamples.replyChunk(), "seq", "\"third\""),
                Arguments.of(EventSamples.replyChunk(), "seq", "null"),
                Arguments.of(EventSamples.replyChunk(), "seq", "{}"),
                Arguments.of(EventSamples.mediaDeletedAvatar(), "deleted_at", "\"soon\""),
                Arguments.of(EventSamples.mediaDeletedAvatar(), "kind", "\"video\""),
                Arguments.of(EventSamples.messageRequested(), "character", "\"Luna\""),
                Arguments.of(
                        EventSamples.messageRequested(), "history", "[{\"role\": \"narrator\", \"content\": \"x\"}]"),
                Arguments.of(EventSamples.characterUpserted(), "sliders", "[20, 65, 80]"),
                Arguments.of(EventSamples.adDecisionWithAd(), "ad_counter", "\"ten\""),
                Arguments.of(EventSamples.adDecisionWithAd(), "ad", "\"ad-1001\""));
    }

    @ParameterizedTest(name = "{1} = {2}")
    @MethodSource("wronglyShapedFields")
    void dataWithAFieldOfTheWrongShapeIsMalformed(Event valid, String field, String value) {
        ObjectNode envelope = encodedTree(valid);
        ((ObjectNode) envelope.get("data")).set(field, EventJson.mapper().readTree(value));

        assertThatThrownBy(() -> EventJson.decode(envelope.toString())).isInstanceOf(MalformedEventException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"attempt", "seq"})
    void dataWithoutANumberFieldIsMalformed(String field) {
        ObjectNode envelope = encodedTree(EventSamples.replyChunk());
        ((ObjectNode) envelope.get("data")).remove(field);

        assertThatThrownBy(() -> EventJson.decode(envelope.toString())).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void dataOfAnotherEventTypeIsMalformed() {
        ObjectNode envelope = encodedTree(EventSamples.replyCompleted());
        envelope.set("data", encodedTree(EventSamples.replyChunk()).get("data"));

        assertThatThrownBy(() -> EventJson.decode(envelope.toString())).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void dataWithoutARequiredFieldIsMalformed() {
        ObjectNode envelope = encodedTree(EventSamples.userDeleted());
        envelope.set("data", EventJson.mapper().createObjectNode());

        assertThatThrownBy(() -> EventJson.decode(envelope.toString()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("data.user_id");
    }

    @Test
    void aNestedRequiredFieldMissingIsMalformed() {
        ObjectNode envelope = encodedTree(EventSamples.replyCompleted());
        ((ObjectNode) envelope.get("data")).remove("usage");

        assertThatThrownBy(() -> EventJson.decode(envelope.toString()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("data.usage");
    }

    @Test
    void aNonIntegerSchemaVersionIsMalformed() {
        ObjectNode envelope = encodedTree(EventSamples.userDeleted());
        envelope.put("schema_version", "one");

        assertThatThrownBy(() -> EventJson.decode(envelope.toString())).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void unknownFieldsInDataAreIgnored() {
        ObjectNode envelope = encodedTree(EventSamples.replyCompleted());
        ObjectNode data = (ObjectNode) envelope.get("data");
        data.put("sentiment", "joyful");
        data.putObject("moderation").put("score", 0.01).putArray("labels").add("none");
        ((ObjectNode) data.get("usage")).put("cached_tokens", 512);

        EventEnvelope<Event> decoded = EventJson.decode(envelope.toString());

        assertThat(decoded.data()).isEqualTo(EventSamples.replyCompleted());
    }

    @Test
    void unknownEnvelopeFieldsAreIgnored() {
        ObjectNode envelope = encodedTree(EventSamples.replyCompleted());
        envelope.put("producer", "inference-worker-7");
        envelope.putObject("trace").put("id", "4bf92f3577b34da6a3ce929d0e0e4736");

        EventEnvelope<Event> decoded = EventJson.decode(envelope.toString());

        assertThat(decoded)
                .isEqualTo(EventEnvelope.wrap(
                        EventSamples.EVENT_ID, EventSamples.OCCURRED_AT, EventSamples.replyCompleted()));
    }

    @Test
    void fieldOrderDoesNotMatter() {
        String reordered = "{\"data\": {\"user_id\": \"" + USER_ID + "\"}, \"schema_version\": 1,"
                + " \"occurred_at\": \"" + EventSamples.OCCURRED_AT + "\", \"event_type\": \"auth.user-deleted\","
                + " \"event_id\": \"" + EventSamples.EVENT_ID + "\"}";

        assertThat(EventJson.decode(reordered))
                .isEqualTo(EventEnvelope.wrap(
                        EventSamples.EVENT_ID, EventSamples.OCCURRED_AT, new UserDeleted(EventSamples.USER_ID)));
    }

    @Test
    void envelopeFieldsAfterTheDataAreReadAndUnknownOnesSkipped() {
        // The type first, so the data is bound in the same pass; the rest of the envelope follows it.
        String typeFirst = "{\"event_type\": \"auth.user-deleted\", \"data\": {\"user_id\": \"" + USER_ID
                + "\", \"new\": {\"nested\": [1, {\"x\": 2}]}}, \"trace\": {\"id\": [3]}, \"schema_version\": 1,"
                + " \"occurred_at\": \"" + EventSamples.OCCURRED_AT + "\", \"event_id\": \"" + EventSamples.EVENT_ID
                + "\"}";

        assertThat(EventJson.decode(typeFirst))
                .isEqualTo(EventEnvelope.wrap(
                        EventSamples.EVENT_ID, EventSamples.OCCURRED_AT, new UserDeleted(EventSamples.USER_ID)));
    }

    @Test
    void occurredAtWithAnOffsetIsReadAsTheSameInstant() {
        ObjectNode envelope = encodedTree(EventSamples.userDeleted());
        envelope.put("occurred_at", "2025-06-14T11:30:15.250+02:00");

        assertThat(EventJson.decode(envelope.toString()).occurredAt()).isEqualTo(EventSamples.OCCURRED_AT);
    }

    @Test
    void missingSchemaVersionDefaultsToTheTypesVersion() {
        ObjectNode envelope = encodedTree(EventSamples.userUpdated());
        envelope.remove("schema_version");

        EventEnvelope<Event> decoded = EventJson.decode(envelope.toString());

        assertThat(decoded.schemaVersion()).isEqualTo(UserUpdated.TYPE.schemaVersion());
        assertThat(decoded.data()).isEqualTo(EventSamples.userUpdated());
    }

    @Test
    void encodingWithoutExplicitIdAndTimeStampsAFreshEnvelope() {
        EventEnvelope<Event> first = EventJson.decode(EventJson.encode(EventSamples.replyCompleted()));
        EventEnvelope<Event> second = EventJson.decode(EventJson.encode(EventSamples.replyCompleted()));

        assertThat(first.eventId()).isNotEqualTo(second.eventId());
        assertThat(first.eventType()).isEqualTo(ReplyCompleted.TYPE.name());
        assertThat(first.data()).isEqualTo(second.data());
    }

    private static ObjectNode encodedTree(Event event) {
        String json = EventJson.encode(EventEnvelope.wrap(EventSamples.EVENT_ID, EventSamples.OCCURRED_AT, event));
        return (ObjectNode) EventJson.mapper().readTree(json);
    }
}
