package com.companion.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Keeps the registry of wire names and topics consistent as events are added. */
class EventTypeRegistryTest {

    private static final String WIRE_NAME = "[a-z][a-z0-9]*\\.[a-z][a-z0-9]*(-[a-z0-9]+)*";

    static Stream<EventType<?>> eventTypes() {
        return EventTypes.ALL.stream();
    }

    @Test
    void wireNamesAreUnique() {
        assertThat(EventTypes.ALL.stream().map(EventType::name)).doesNotHaveDuplicates();
    }

    @Test
    void eachJavaTypeIsRegisteredOnce() {
        assertThat(EventTypes.ALL.stream().map(EventType::javaType)).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void wireNameIsLowercaseDomainDotKebabName(EventType<?> type) {
        assertThat(type.name()).matches(WIRE_NAME);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void wireNameDomainIsTheProducingServicePackageAndTopicDomain(EventType<?> type) {
        String domain = type.name().substring(0, type.name().indexOf('.'));
        String javaPackage = type.javaType().getPackageName();

        assertThat(javaPackage).isEqualTo("com.companion.contracts." + domain);
        assertThat(type.topic()).startsWith(domain + ".");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void topicIsADeclaredTopic(EventType<?> type) {
        assertThat(Topics.ALL).contains(type.topic());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void schemaVersionIsPositive(EventType<?> type) {
        assertThat(type.schemaVersion()).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void recordDeclaresItsOwnTypeAsTheTypeConstant(EventType<?> type) throws ReflectiveOperationException {
        Field constant = type.javaType().getField("TYPE");

        assertThat(Modifier.isStatic(constant.getModifiers())).isTrue();
        assertThat(constant.get(null)).isSameAs(type);
        assertThat(type.javaType().isRecord())
                .as("events are immutable records")
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void lookupByNameAndByClassFindTheSameType(EventType<?> type) {
        assertThat(EventTypes.byName(type.name())).isSameAs(type);
        assertThat(EventTypes.of(type.javaType())).isSameAs(type);
        assertThat(EventTypes.isKnown(type.name())).isTrue();
        assertThat(EventTypes.onTopic(type.topic())).contains(type);
    }

    @Test
    void everyTopicCarriesAtLeastOneEventType() {
        assertThat(Topics.ALL)
                .allSatisfy(topic -> assertThat(EventTypes.onTopic(topic)).isNotEmpty());
    }

    @Test
    void topicNamesAreUniqueLowercaseAndEndInAVersion() {
        assertThat(Topics.ALL)
                .doesNotHaveDuplicates()
                .allSatisfy(topic -> assertThat(topic).matches("[a-z][a-z0-9]*\\.[a-z][a-z0-9-]*\\.v[1-9][0-9]*"));
    }

    @Test
    void compactedTopicsAreDeclaredTopics() {
        assertThat(Topics.ALL).containsAll(Topics.COMPACTED);
    }

    @Test
    void deadLetterTopicIsTheTopicWithDltSuffix() {
        assertThat(Topics.deadLetter(Topics.REPLIES)).isEqualTo("chat.replies.v1.DLT");
    }

    @Test
    void unknownWireNameIsRejectedWithUnknownEventType() {
        assertThatThrownBy(() -> EventTypes.byName("chat.reply-exploded"))
                .isInstanceOf(UnknownEventTypeException.class)
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("chat.reply-exploded");
        assertThat(EventTypes.isKnown("chat.reply-exploded")).isFalse();
    }

    @Test
    void unregisteredClassIsRejected() {
        record NotAnEvent(String id) implements Event {
            @Override
            public String partitionKey() {
                return id;
            }
        }

        assertThatThrownBy(() -> EventTypes.of(NotAnEvent.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventEnvelope.wrap(new NotAnEvent("x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void registryIsImmutable() {
        List<EventType<?>> all = EventTypes.ALL;

        assertThatThrownBy(() -> all.add(all.getFirst())).isInstanceOf(UnsupportedOperationException.class);
    }
}
