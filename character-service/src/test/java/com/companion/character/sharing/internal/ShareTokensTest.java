package com.companion.character.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShareTokensTest {

    @Test
    void whenGeneratedThenTokensAre256BitBase64UrlAndDoNotRepeat() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = ShareTokens.generate();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(ShareTokens.wellFormed(token)).isTrue();
            tokens.add(token);
        }
        assertThat(tokens).hasSize(1000);
    }

    @Test
    void whenHashedThenTheHashIsSha256AndNothingElseLooksLikeAToken() {
        assertThat(ShareTokens.hash(ShareTokens.generate())).hasSize(32);
        assertThat(ShareTokens.wellFormed("A".repeat(42))).isFalse();
        assertThat(ShareTokens.wellFormed("A".repeat(42) + "=")).isFalse();
        assertThat(ShareTokens.wellFormed("../../etc/passwd")).isFalse();
    }
}
