package com.companion.platform.web.security;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where auth-service publishes its keys and what its tokens must say. Defaults reach the
 * auth-service of the local stack.
 *
 * @param audience the {@code aud} every access token must carry
 * @param jwksMaxAge keys are fetched again after this long even if every {@code kid} is known
 * @param jwksRefreshCooldown a token with an unknown {@code kid} makes the service fetch the key set
 *     again, at most this often (Nimbus allows a second fetch within one interval), so forged
 *     {@code kid}s cannot make every service hammer auth-service
 */
@Validated
@ConfigurationProperties("platform.security")
public record SecurityProperties(
        @NotNull URI jwksUri,
        @NotNull String issuer,
        String audience,
        Duration clockSkew,
        Duration jwksMaxAge,
        Duration jwksRefreshCooldown) {

    public SecurityProperties {
        if (audience == null || audience.isBlank()) {
            audience = "companion-api";
        }
        if (clockSkew == null) {
            clockSkew = Duration.ofSeconds(30);
        }
        if (jwksMaxAge == null) {
            jwksMaxAge = Duration.ofMinutes(10);
        }
        if (jwksRefreshCooldown == null) {
            jwksRefreshCooldown = Duration.ofSeconds(10);
        }
    }
}
