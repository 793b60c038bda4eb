package com.companion.auth.token;

import com.companion.auth.token.internal.SigningKeys;
import com.companion.platform.web.security.SecurityProperties;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * auth-service verifies its own access tokens from its key store rather than over HTTP from its
 * own JWKS (the platform kit's decoder steps aside for this bean). Same rules as the kit: RS256
 * only, so {@code alg: none} and HMAC tokens fail; issuer and expiry checked with the platform's
 * clock skew; here an expiry and a subject are also required, and "now" is the service clock.
 */
@Configuration(proxyBeanMethods = false)
class TokenVerification {

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, TokenProperties tokens, SecurityProperties security, Clock clock) {
        if (!tokens.issuer().equals(security.issuer())) {
            throw new IllegalStateException("auth.tokens.issuer (" + tokens.issuer()
                    + ") differs from platform.security.issuer (" + security.issuer()
                    + "): other services would reject every token");
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys.verificationKeys())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(security.clockSkew());
        timestamps.setClock(clock);
        timestamps.setAllowEmptyExpiryClaim(false);
        OAuth2TokenValidator<Jwt> subject =
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank());
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                List.of(timestamps, new JwtIssuerValidator(tokens.issuer()), subject)));
        return decoder;
    }
}
