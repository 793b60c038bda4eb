package com.companion.gateway.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Request budgets. Each rule is a number of requests per window, counted per user (the token's
 * {@code sub}) or per client address; a request is counted by the first rule that matches it (in
 * the order written), else by {@code userDefault} when it carries a verified token, else by
 * {@code ipDefault}. Paths under {@code exempt} are never limited.
 *
 * @param redisUrl when set ({@code REDIS_URL}), budgets live in Redis and every gateway instance
 *     shares them; otherwise each instance counts in memory
 * @param redisTimeout how long a budget check may wait for Redis before the request is let through
 * @param localMaxKeys how many users and addresses the in-memory store keeps at most
 */
@Validated
@ConfigurationProperties("gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        String redisUrl,
        @DefaultValue("250ms") @NotNull Duration redisTimeout,
        @DefaultValue("200000") @Positive long localMaxKeys,
        @DefaultValue @Valid Map<String, Rule> rules,
        @Valid @NotNull Budget userDefault,
        @Valid @NotNull Budget ipDefault,
        @DefaultValue List<String> exempt) {

    boolean redis() {
        return redisUrl != null && !redisUrl.isBlank();
    }

    public enum KeyType {
        USER,
        IP
    }

    /**
     * @param methods the HTTP methods counted (all when empty)
     * @param paths path patterns, as in the routes
     */
    public record Rule(
            @NotNull KeyType key,
            @Positive long limit,
            @NotNull Duration window,
            @DefaultValue Set<String> methods,
            @NotEmpty List<String> paths) {}

    public record Budget(@Positive long limit, @NotNull Duration window) {}
}
