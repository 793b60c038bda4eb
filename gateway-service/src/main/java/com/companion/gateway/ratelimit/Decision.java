package com.companion.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/** The outcome of one budget check, in the terms of the {@code RateLimit-*} headers. */
record Decision(Policy policy, boolean allowed, long remaining, long resetSeconds, long retryAfterSeconds) {

    static Decision of(Policy policy, ConsumptionProbe probe) {
        long retryAfter = probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill());
        long reset = Math.max(seconds(probe.getNanosToWaitForReset()), retryAfter);
        return new Decision(policy, probe.isConsumed(), probe.getRemainingTokens(), reset, retryAfter);
    }

    /** When the store cannot be asked: let the request through, say nothing about the budget. */
    static Decision unknown(Policy policy) {
        return new Decision(policy, true, -1, -1, 0);
    }

    boolean known() {
        return remaining >= 0;
    }

    private static long seconds(long nanos) {
        return nanos <= 0 ? 0 : Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    static long seconds(Duration duration) {
        return seconds(duration.toNanos());
    }
}
