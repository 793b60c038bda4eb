package com.companion.auth.token;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Access and refresh token lifetimes and the signing keys.
 *
 * @param issuer the {@code iss} of access tokens; every service checks it against its
 *     {@code platform.security.issuer}
 * @param audience the {@code aud} of access tokens; every service and the gateway require it
 *     ({@code platform.security.audience}), so a token minted for something else is refused
 */
@Validated
@ConfigurationProperties("auth.tokens")
public record TokenProperties(
        @NotBlank @DefaultValue("companion-auth") String issuer,
        @NotBlank @DefaultValue("companion-api") String audience,
        @NotNull @DefaultValue("15m") Duration accessTokenTtl,
        @NotNull @DefaultValue("30d") Duration refreshTokenTtl,
        @Valid @NotNull @DefaultValue Keys keys) {

    public TokenProperties {
        if (accessTokenTtl != null && (accessTokenTtl.isNegative() || accessTokenTtl.isZero())) {
            throw new IllegalArgumentException("auth.tokens.access-token-ttl must be positive");
        }
    }

    /**
     * @param rotationPeriod how long one key signs before the next takes over
     * @param publishAhead how long a new key is published before it signs, so every verifier's
     *     cached key set already holds it when the first token with its {@code kid} arrives
     * @param retirementGrace how long a retired key stays published after the last token it
     *     signed has expired (covers clock skew between services)
     * @param refreshInterval how often each instance reloads the shared key set and rotates when due
     * @param encryptionKey base64 AES key (256 bits) that encrypts private keys at rest, from
     *     {@code AUTH_KEY_ENCRYPTION_KEY}; when empty a key is generated for this process only
     * @param requireEncryptionKey refuse to start without {@code encryptionKey} (set in deployments)
     * @param rsaKeySize modulus length of new keys
     * @param jwksMaxAge how long clients and proxies may cache the JWKS document
     */
    public record Keys(
            @NotNull @DefaultValue("30d") Duration rotationPeriod,
            @NotNull @DefaultValue("1h") Duration publishAhead,
            @NotNull @DefaultValue("5m") Duration retirementGrace,
            @NotNull @DefaultValue("1m") Duration refreshInterval,
            String encryptionKey,
            @DefaultValue("false") boolean requireEncryptionKey,
            @Min(2048) @DefaultValue("2048") int rsaKeySize,
            @NotNull @DefaultValue("5m") Duration jwksMaxAge) {

        public Keys {
            if (rotationPeriod != null && publishAhead != null && publishAhead.compareTo(rotationPeriod) >= 0) {
                throw new IllegalArgumentException(
                        "auth.tokens.keys.publish-ahead must be shorter than auth.tokens.keys.rotation-period");
            }
            if (refreshInterval != null && publishAhead != null && refreshInterval.compareTo(publishAhead) >= 0) {
                throw new IllegalArgumentException(
                        "auth.tokens.keys.refresh-interval must be shorter than auth.tokens.keys.publish-ahead");
            }
        }

        @Override
        public String toString() {
            return "Keys[rotationPeriod=" + rotationPeriod + ", publishAhead=" + publishAhead + ", retirementGrace="
                    + retirementGrace + ", refreshInterval=" + refreshInterval + ", encryptionKey="
                    + (encryptionKey == null || encryptionKey.isBlank() ? "<unset>" : "<hidden>")
                    + ", requireEncryptionKey=" + requireEncryptionKey + ", rsaKeySize=" + rsaKeySize
                    + ", jwksMaxAge=" + jwksMaxAge + "]";
        }
    }
}
