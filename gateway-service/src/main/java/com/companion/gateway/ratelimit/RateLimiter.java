package com.companion.gateway.ratelimit;

import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Takes one request from a key's budget. Buckets are Bucket4j token buckets kept in a proxy
 * manager: Caffeine in memory, or Redis shared by all gateway instances. A store that fails or
 * is slow does not take the API down: the request goes through and the failure is logged.
 */
class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final AsyncProxyManager<String> buckets;
    private final Duration timeout;

    RateLimiter(AsyncProxyManager<String> buckets, Duration timeout) {
        this.buckets = buckets;
        this.timeout = timeout;
    }

    Mono<Decision> consume(Policy policy, String key) {
        return Mono.defer(() -> Mono.fromFuture(buckets.builder()
                        .withImplicitConfigurationReplacement(policy.version(), TokensInheritanceStrategy.ADDITIVE)
                        .build("rl:" + policy.name() + ":" + key, policy.bucket())
                        .tryConsumeAndReturnRemaining(1)))
                .timeout(timeout)
                .map(probe -> Decision.of(policy, probe))
                .onErrorResume(error -> {
                    log.warn("rate limit store unavailable, letting the request through: {}", error.toString());
                    return Mono.just(Decision.unknown(policy));
                });
    }
}
