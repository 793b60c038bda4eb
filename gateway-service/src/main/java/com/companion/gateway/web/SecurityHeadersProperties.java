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
 * @param appContentSecurityPolicy for the web client under {@code /app/}: its own scripts and
 *     styles only (nothing inline, no eval), its API calls and socket to this origin; images may
 *     also come from the object store's presigned URLs (avatars redirect there)
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
        String docsContentSecurityPolicy,

        @DefaultValue("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data: https:"
                + " http://127.0.0.1:* http://localhost:*; connect-src 'self'; font-src 'self'; manifest-src 'self';"
                + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
        @NotBlank
        String appContentSecurityPolicy) {}
