package com.companion.platform.web.security;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where auth-service publishes its keys and what its tokens must say. Defaults reach the
 * auth-service of the local stack.
 */
@Validated
@ConfigurationProperties("platform.security")
public record SecurityProperties(
        @NotNull URI jwksUri, @NotNull String issuer, Duration clockSkew) {

    public SecurityProperties {
        if (clockSkew == null) {
            clockSkew = Duration.ofSeconds(30);
        }
    }
}
