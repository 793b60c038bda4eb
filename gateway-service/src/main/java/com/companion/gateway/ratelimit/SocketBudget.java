package com.companion.gateway.ratelimit;

import reactor.core.publisher.Mono;

/**
 * The per-user budget of socket connections ({@code gateway.rate-limit.rules.socket}, which limits
 * {@code /ws} upgrades), for sockets the gateway opens to chat-service itself: a Socket.IO
 * connection spends from the same bucket as a {@code /ws} upgrade.
 */
public final class SocketBudget {

    static final String RULE = "socket";

    private final RateLimiter limiter;
    private final Policy policy;

    SocketBudget(RateLimiter limiter, RateLimitProperties properties) {
        this.limiter = limiter;
        RateLimitProperties.Rule rule = properties.rules().get(RULE);
        this.policy = rule == null ? null : Policy.of(RULE, rule.limit(), rule.window());
    }

    /** Takes one connection from the user's budget: 0 when allowed, else the seconds to wait. */
    public Mono<Long> spend(String userId) {
        if (policy == null) {
            return Mono.just(0L);
        }
        return limiter.consume(policy, "user:" + userId)
                .map(decision -> decision.allowed() ? 0L : Math.max(1L, decision.retryAfterSeconds()));
    }
}
