package com.companion.auth.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param defaultPhoneRegion the region (ISO 3166 code) assumed for phone numbers written without
 *     a country code
 * @param adulthoodCheckInterval how often accounts of minors whose stated age has since reached
 *     18 are marked adult (and {@code UserUpdated} published)
 * @param verifyEmailTtl how long a link confirming an address (at sign-up or a change) works
 * @param resetPasswordTtl how long a password-reset link works
 */
@Validated
@ConfigurationProperties("auth.accounts")
public record AccountProperties(
        @NotBlank @DefaultValue("IN") String defaultPhoneRegion,
        @NotNull @DefaultValue("1h") Duration adulthoodCheckInterval,
        @NotNull @DefaultValue("24h") Duration verifyEmailTtl,
        @NotNull @DefaultValue("30m") Duration resetPasswordTtl) {}
