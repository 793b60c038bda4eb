package com.companion.platform.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Adversarial shapes that make naive patterns backtrack: long runs, long spaced-out letter chains, near-misses of
 * multi-word terms repeated many times, random junk. The bound is generous (a safety net, not a benchmark): a
 * backtracking explosion takes minutes, not milliseconds.
 */
class GuardRedosTest {

    private static final Duration BOUND = Duration.ofSeconds(5);
    private final ContentGuard guard = ContentGuard.rules();
    private final GuardContext ctx = GuardContext.output(true, true, null);

    @Test
    void longRunsOfOneLetter() {
        check("s" + "e".repeat(60_000) + "x");
        check("a".repeat(64 * 1024));
    }

    @Test
    void longSpacedOutChains() {
        check("s e x ".repeat(10_000));
        check("1 ".repeat(30_000));
        check("s.".repeat(30_000));
    }

    @Test
    void repeatedNearMisses() {
        check("she is 1".repeat(8_000));
        check("take off your ".repeat(4_000));
        check("begging me to ".repeat(4_000));
        check("you should just just just ".repeat(2_000));
        check("looks like a ".repeat(5_000));
        check("f*ck*ng ".repeat(8_000));
    }

    @Test
    void randomJunk() {
        Random random = new Random(42);
        StringBuilder text = new StringBuilder();
        String alphabet = "aeiouxsl1 0*3@$.!-'    ";
        for (int i = 0; i < 64 * 1024; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        check(text.toString());
    }

    private void check(String text) {
        Assertions.assertTimeoutPreemptively(BOUND, () -> {
            assertThatCode(() -> guard.check(text, ctx)).doesNotThrowAnyException();
            assertThat(Normalizer.normalize(text).length()).isLessThanOrEqualTo(text.length());
        });
    }
}
