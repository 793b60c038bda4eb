package com.companion.auth.session;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxPerUser active device sessions kept per account; signing in once more revokes the
 *     least recently used beyond this
 * @param revokedRetention how long revoked and expired sessions are kept (for the audit trail
 *     and to recognise a replayed token) before housekeeping deletes them
 * @param housekeepingInterval how often that cleanup runs
 * @param absoluteLifetime how long a device session lives from its sign-in however often it is
 *     refreshed; then the device signs in again (a stolen refresh token cannot be kept alive forever)
 */
@Validated
@ConfigurationProperties("auth.sessions")
public record SessionProperties(
        @Min(1) @Max(1000) @DefaultValue("20") int maxPerUser,
        @NotNull @DefaultValue("30d") Duration revokedRetention,
        @NotNull @DefaultValue("1h") Duration housekeepingInterval,
        @NotNull @DefaultValue("90d") Duration absoluteLifetime) {}
