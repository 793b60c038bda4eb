package com.companion.platform.web.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadModelWaitTest {

    @Test
    void aThingThatArrivesWhileWaitingIsFound() {
        AtomicInteger looks = new AtomicInteger();

        Optional<String> found = ReadModelWait.until(
                Duration.ofSeconds(10), () -> looks.incrementAndGet() < 3 ? Optional.empty() : Optional.of("here"));

        assertThat(found).contains("here");
        assertThat(looks).hasValue(3);
    }

    @Test
    void aThingThatNeverArrivesIsEmptyOnceTheWaitIsOver() {
        AtomicInteger looks = new AtomicInteger();
        long started = System.nanoTime();

        Optional<String> found = ReadModelWait.until(Duration.ofMillis(100), () -> {
            looks.incrementAndGet();
            return Optional.empty();
        });

        assertThat(found).isEmpty();
        assertThat(looks.get()).as("looked again while waiting").isGreaterThan(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aHitNeedsOneLookAndNoWait() {
        AtomicInteger looks = new AtomicInteger();

        assertThat(ReadModelWait.until(Duration.ofSeconds(10), () -> {
                    looks.incrementAndGet();
                    return Optional.of(1);
                }))
                .contains(1);
        assertThat(looks).hasValue(1);
    }
}
