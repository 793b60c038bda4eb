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
 */
@Validated
@ConfigurationProperties("auth.accounts")
public record AccountProperties(
        @NotBlank @DefaultValue("IN") String defaultPhoneRegion,
        @NotNull @DefaultValue("1h") Duration adulthoodCheckInterval) {}
