package com.companion.platform.web.readmodel;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Read your own writes against a read model fed by another service's events: the event of a thing
 * created a moment ago may not have arrived when the same client asks about it. A miss is looked at
 * again, with growing pauses (20 ms doubling to 500 ms), until it is found or {@code wait} is over.
 */
public final class ReadModelWait {

    private static final List<Duration> BACKOFF = List.of(
            Duration.ofMillis(20),
            Duration.ofMillis(40),
            Duration.ofMillis(80),
            Duration.ofMillis(160),
            Duration.ofMillis(320),
            Duration.ofMillis(500));

    private ReadModelWait() {}

    /** What {@code look} finds within {@code wait}; empty when it found nothing by then (or the thread was interrupted). */
    public static <T> Optional<T> until(Duration wait, Supplier<Optional<T>> look) {
        long deadline = System.nanoTime() + wait.toNanos();
        for (int attempt = 0; ; attempt++) {
            Optional<T> found = look.get();
            long left = deadline - System.nanoTime();
            if (found.isPresent() || left <= 0) {
                return found;
            }
            Duration pause = BACKOFF.get(Math.min(attempt, BACKOFF.size() - 1));
            try {
                Thread.sleep(Math.min(pause.toNanos(), left) / 1_000_000 + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }
}
