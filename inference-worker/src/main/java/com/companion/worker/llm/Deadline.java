package com.companion.worker.llm;

import java.time.Duration;

/** A point in time, on the monotonic clock, by which something must be done. */
public final class Deadline {

    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    public static Deadline after(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos());
    }

    public long remainingNanos() {
        return Math.max(0, endNanos - System.nanoTime());
    }

    public Duration remaining() {
        return Duration.ofNanos(remainingNanos());
    }

    public boolean expired() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** The earlier of this deadline and {@code nanos} from now, as nanos from now. */
    long capNanos(long nanos) {
        return Math.min(remainingNanos(), Math.max(0, nanos));
    }
}
