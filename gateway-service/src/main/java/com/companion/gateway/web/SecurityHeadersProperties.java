package com.companion.gateway.web;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The security headers of every response (the equivalent of helmet's defaults, stricter where
 * an API allows it).
 *
 * @param apiContentSecurityPolicy for API responses: they are JSON, never rendered as a page
 * @param docsContentSecurityPolicy for the Swagger UI under {@code /docs}, which runs scripts and
 *     styles of its own
 */
@Validated
@ConfigurationProperties("gateway.security-headers")
public record SecurityHeadersProperties(
        @DefaultValue("max-age=31536000; includeSubDomains") @NotBlank
        String strictTransportSecurity,

        @DefaultValue("default-src 'none'; frame-ancestors 'none'") @NotBlank
        String apiContentSecurityPolicy,

        @DefaultValue("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                + " connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self';"
                + " form-action 'self'; frame-ancestors 'none'")
        @NotBlank
        String docsContentSecurityPolicy) {}
