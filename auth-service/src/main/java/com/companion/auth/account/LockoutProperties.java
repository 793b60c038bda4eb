package com.companion.auth.account;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param maxAttempts consecutive failed password checks that lock an account for {@code duration} */
@Validated
@ConfigurationProperties("auth.lockout")
public record LockoutProperties(
        @Min(1) @DefaultValue("5") int maxAttempts,
        @NotNull @DefaultValue("15m") Duration duration) {}
