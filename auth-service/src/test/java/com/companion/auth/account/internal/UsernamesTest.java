package com.companion.auth.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsernamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ann", "Ann.Lee", "ann_lee_1990", "user-6f1c2a9e-1b7d-4c55-9d3e-0a8b7c6d5e4f"})
    void takesLettersDigitsUnderscoresDotsAndHyphensUpTo50(String username) {
        assertThat(Usernames.valid(username)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ab",
                "no spaces",
                "98765-43210",
                "1234567890",
                "émile",
                "abcdefghij0123456789abcdefghij0123456789abcdefghijk"
            })
    void refusesOthersAndNamesWithoutALetterThatCouldReadAsAPhoneNumber(String username) {
        assertThat(Usernames.valid(username)).isFalse();
    }
}
