package com.companion.auth.token;

import com.companion.auth.token.internal.SigningKeys;
import com.companion.auth.token.internal.SigningKeys.ActiveKey;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Issues RS256 access tokens with the active signing key: {@code kid} in the header; {@code iss},
 * {@code aud}, {@code sub}, {@code jti}, {@code iat}, {@code exp}, and the claims every service reads
 * ({@code username}, {@code plan}, {@code is_adult}, {@code roles}) plus {@code sid}, the device
 * session, so a caller's session list can mark the current one.
 */
@Service
public class AccessTokens {

    private final SigningKeys keys;
    private final TokenProperties properties;
    private final Clock clock;

    AccessTokens(SigningKeys keys, TokenProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    public IssuedAccessToken issue(AccessTokenClaims claims) {
        Instant now = clock.instant();
        // Whole seconds, as the token carries them, so expires_in matches exp exactly.
        Instant issuedAt = Instant.ofEpochSecond(now.getEpochSecond());
        Instant expiresAt = issuedAt.plus(properties.accessTokenTtl());
        ActiveKey key = keys.active();
        String token = Jwts.builder()
                .header()
                .keyId(key.kid())
                .type("JWT")
                .and()
                .issuer(properties.issuer())
                .audience()
                .add(properties.audience())
                .and()
                .subject(claims.userId().toString())
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(issuedAt))
                .expiration(Date.from(expiresAt))
                .claim("username", claims.username())
                .claim("plan", claims.plan().wire())
                .claim("is_adult", claims.isAdult())
                .claim("roles", claims.roles())
                .claim("sid", claims.sessionId().toString())
                .signWith(key.privateKey(), Jwts.SIG.RS256)
                .compact();
        return new IssuedAccessToken(token, properties.accessTokenTtl().toSeconds(), expiresAt);
    }
}
