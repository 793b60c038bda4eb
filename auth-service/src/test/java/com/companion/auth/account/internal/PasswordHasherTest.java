package com.companion.auth.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PasswordHasher hasher = new PasswordHasher(PasswordPolicyTest.properties(), meters);

    @Test
    void hashesWithArgon2idAndASaltPerHash() {
        String first = hasher.hash("violet-harbour-lantern-7");
        String second = hasher.hash("violet-harbour-lantern-7");
        assertThat(first).startsWith("$argon2id$").doesNotContain("violet");
        assertThat(second).isNotEqualTo(first);
        assertThat(hasher.verify("violet-harbour-lantern-7", first)).isTrue();
        assertThat(hasher.verify("violet-harbour-lantern-8", first)).isFalse();
    }

    @Test
    void verifyingWithoutAnAccountDoesTheSameWorkAndFails() {
        double before = verifications();
        assertThat(hasher.verify("anything-at-all", null)).isFalse();
        assertThat(verifications()).isEqualTo(before + 1);
    }

    @Test
    void composedAndDecomposedAccentsAreTheSamePassword() {
        String composed = "caf\u00e9-au-lait-2024";
        String decomposed = "cafe\u0301-au-lait-2024";
        assertThat(hasher.verify(decomposed, hasher.hash(composed))).isTrue();
    }

    @Test
    void hashesMadeWithOtherParametersAskToBeRedone() {
        String current = hasher.hash("violet-harbour-lantern-7");
        assertThat(hasher.needsRehash(current)).isFalse();
        String older = new org.springframework.security.crypto.argon2.Argon2PasswordEncoder(16, 32, 1, 4096, 1)
                .encode("violet-harbour-lantern-7");
        assertThat(hasher.needsRehash(older)).isTrue();
    }

    private double verifications() {
        return meters.get("auth.password.hashing")
                .tag("operation", "verify")
                .timer()
                .count();
    }
}
