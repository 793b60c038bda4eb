package com.companion.character.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TagsTest {

    @Test
    void whenNormalisedThenTrimmedLowercasedAndDeduplicatedInFirstOrder() {
        assertThat(Tags.normalize(Arrays.asList(" Anime", "SCI-FI", "anime ", null, "sci-fi")))
                .containsExactly("anime", "sci-fi", null);
        assertThat(Tags.normalize(null)).isEmpty();
    }

    @Test
    void whenValidatedThenOnlyShortLowercaseWordsWithDashesPass() {
        assertThat(Tags.valid("retro-80s")).isTrue();
        assertThat(Tags.valid("x".repeat(24))).isTrue();
        assertThat(Tags.valid("x".repeat(25))).isFalse();
        assertThat(Tags.valid("two words")).isFalse();
        assertThat(Tags.valid("café")).isFalse();
        assertThat(Tags.valid("")).isFalse();
        assertThat(Tags.valid(null)).isFalse();
    }
}
