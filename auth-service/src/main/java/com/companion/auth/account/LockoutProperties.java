package com.companion.auth.account;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxAttempts failed password checks from one client that lock that client out of the account for {@code
 *     duration}
 * @param accountMaxAttempts failed checks on one account, from all clients that never signed in to it, within {@code
 *     duration}, after which such clients are refused until the window ends; clients that signed in before are not
 *     slowed, so nobody can keep the owner out
 * @param knownClientFor how long a client that signed in to an account stays known to it
 */
@Validated
@ConfigurationProperties("auth.lockout")
public record LockoutProperties(
        @Min(1) @DefaultValue("5") int maxAttempts,
        @NotNull @DefaultValue("15m") Duration duration,
        @Min(1) @DefaultValue("50") int accountMaxAttempts,
        @NotNull @DefaultValue("30d") Duration knownClientFor) {}
