package com.companion.auth.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Password rules and the Argon2id cost.
 *
 * @param commonList passwords refused whatever their length, one per line, compared case-insensitively
 * @param maxConcurrentHashes Argon2 computations running at once (each holds {@code memoryKib});
 *     further sign-ins wait up to {@code hashQueueTimeout} and then get 503. Defaults to twice
 *     the processors.
 */
@Validated
@ConfigurationProperties("auth.passwords")
public record PasswordProperties(
        @Min(8) @DefaultValue("8") int minLength,
        @Max(1024) @DefaultValue("128") int maxLength,

        @NotNull @DefaultValue("classpath:passwords/common-passwords.txt")
        Resource commonList,

        @Valid @NotNull @DefaultValue Argon2 argon2,
        @Min(1) Integer maxConcurrentHashes,
        @NotNull @DefaultValue("10s") Duration hashQueueTimeout) {

    public PasswordProperties {
        if (maxConcurrentHashes == null) {
            maxConcurrentHashes = 2 * Runtime.getRuntime().availableProcessors();
        }
    }

    /** OWASP's Argon2id baseline: 19 MiB, 2 passes, 1 lane. */
    public record Argon2(
            @Min(8192) @DefaultValue("19456") int memoryKib,
            @Min(1) @DefaultValue("2") int iterations,
            @Min(1) @DefaultValue("1") int parallelism) {}
}
