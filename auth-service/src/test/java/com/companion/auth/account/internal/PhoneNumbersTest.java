package com.companion.auth.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.companion.auth.account.AccountProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    private final PhoneNumbers indian = new PhoneNumbers(
            new AccountProperties("IN", Duration.ofHours(1), Duration.ofHours(24), Duration.ofMinutes(30)));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "+91 98765 43210",
                "+91-98765-43210",
                "+919876543210",
                "098765 43210",
                "09876543210",
                "9876543210",
                "(0) 98765-43210",
                "0091 98765 43210",
                "  +91 (98765) 43210  "
            })
    void readsEveryCommonWritingOfOneNumberAsTheSameE164(String written) {
        assertThat(indian.toE164(written)).contains("+919876543210");
    }

    @Test
    void numbersWithTheirCountryCodeAreReadWhateverTheDefaultRegion() {
        assertThat(indian.toE164("+1 (202) 456-1111")).contains("+12024561111");
        assertThat(indian.toE164("+44 20 7946 0958")).contains("+442079460958");
        PhoneNumbers american = new PhoneNumbers(
                new AccountProperties("us", Duration.ofHours(1), Duration.ofHours(24), Duration.ofMinutes(30)));
        assertThat(american.toE164("(202) 456-1111")).contains("+12024561111");
    }

    @Test
    void numbersOfAPossibleLengthAreTakenThoughTheirPrefixIsNotAssigned() {
        assertThat(indian.toE164("+1 555 123 4567")).contains("+15551234567");
        assertThat(indian.toE164("1234567890")).contains("+911234567890");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "12345",
                "not a number",
                "+91 12345",
                "+999 1234567",
                "98765432101234567890123456789012345678901"
            })
    void refusesWhatCannotBeANumber(String written) {
        assertThat(indian.toE164(written)).isEmpty();
    }

    @Test
    void refusesAnUnknownDefaultRegion() {
        assertThatThrownBy(() -> new PhoneNumbers(
                        new AccountProperties("XX", Duration.ofHours(1), Duration.ofHours(24), Duration.ofMinutes(30))))
                .isInstanceOf(IllegalStateException.class);
    }
}
