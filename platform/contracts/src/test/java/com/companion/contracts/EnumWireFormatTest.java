package com.companion.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;

/** Enum values travel as lowercase strings, whatever the Java constant is called. */
class EnumWireFormatTest {

    static Stream<Enum<?>> enumConstants() {
        return ContractTypes.enums().stream()
                .flatMap(type -> Arrays.stream(type.getEnumConstants()))
                .map(constant -> (Enum<?>) constant);
    }

    @Test
    void enumsOnTheWireAreDiscovered() {
        assertThat(ContractTypes.enums()).isNotEmpty().contains(Plan.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enumConstants")
    void enumValueIsWrittenAsItsLowercaseName(Enum<?> constant) {
        assertThat(ContractTypes.wire(constant)).isEqualTo(constant.name().toLowerCase(Locale.ROOT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enumConstants")
    void lowercaseNameIsReadBackAsTheSameConstant(Enum<?> constant) {
        Object read = EventJson.mapper()
                .readValue("\"" + constant.name().toLowerCase(Locale.ROOT) + "\"", constant.getDeclaringClass());

        assertThat(read).isSameAs(constant);
    }

    @Test
    void uppercaseJavaNameIsNotAcceptedOnTheWire() {
        assertThatThrownBy(() -> EventJson.mapper().readValue("\"PREMIUM\"", Plan.class))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void planWireHelpersAgreeWithTheCodec() {
        for (Plan plan : Plan.values()) {
            assertThat(plan.wire()).isEqualTo(ContractTypes.wire(plan));
            assertThat(Plan.fromWire(plan.wire())).isSameAs(plan);
        }
    }
}
