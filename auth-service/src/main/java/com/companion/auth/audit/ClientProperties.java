package com.companion.auth.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param trustedProxyHops how many proxies in front of this service append to
 *     {@code X-Forwarded-For} (1: the gateway). The client address is the entry that many places
 *     from the right, which a client cannot forge; 0 ignores the header.
 */
@Validated
@ConfigurationProperties("auth.client")
public record ClientProperties(
        @DefaultValue("1") @Min(0) @Max(10) int trustedProxyHops) {}
