package com.companion.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/**
 * A named budget of {@code limit} requests per {@code window}. The bucket refills whole at the
 * end of each window (counted from the key's first request), which is what the {@code
 * RateLimit-*} headers describe: a quota, what is left of it, and when it resets.
 */
record Policy(String name, long limit, Duration window, BucketConfiguration bucket) {

    static Policy of(String name, long limit, Duration window) {
        BucketConfiguration bucket = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(limit).refillIntervally(limit, window))
                .build();
        return new Policy(name, limit, window, bucket);
    }

    /** Changes when the budget does, so buckets stored with an older budget are replaced. */
    long version() {
        return (31 * Long.hashCode(limit) + window.hashCode()) & Long.MAX_VALUE;
    }
}
