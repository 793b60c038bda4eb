package com.companion.gateway.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the edge verifies access tokens: auth-service's key set, issuer and audience, as in every
 * service.
 *
 * @param jwksMaxAge keys are fetched again after this long even if every {@code kid} is known, so
 *     a key auth-service withdrew stops being accepted
 * @param jwksRefreshCooldown a token with an unknown {@code kid} triggers a fetch at most this
 *     often, so forged {@code kid}s cannot make the gateway hammer auth-service
 */
@Validated
@ConfigurationProperties("gateway.auth")
public record EdgeAuthProperties(
        @NotNull URI jwksUri,
        @NotBlank String issuer,
        @DefaultValue("companion-api") @NotBlank String audience,
        @DefaultValue("30s") @NotNull Duration clockSkew,
        @DefaultValue("2s") @NotNull Duration jwksTimeout,
        @DefaultValue("10m") @NotNull Duration jwksMaxAge,
        @DefaultValue("10s") @NotNull Duration jwksRefreshCooldown) {}
