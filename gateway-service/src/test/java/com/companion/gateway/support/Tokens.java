package com.companion.gateway.support;

import com.companion.platform.test.TestJwks;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Access tokens for tests: the valid ones auth-service issues, and the kinds an attacker tries. */
public final class Tokens {

    private static final TestJwks JWKS = TestJwks.shared();

    private Tokens() {}

    public static String valid(UUID user) {
        return JWKS.token(user, "free", true);
    }

    public static String admin(UUID user) {
        return JWKS.token(user, "premium", true, "user", "admin");
    }

    public static String expired(UUID user) {
        return JWKS.token(user, "free", true, Duration.ofMinutes(-10));
    }

    /** A valid token whose payload was edited to name another user; the signature no longer fits. */
    public static String tampered(UUID user) {
        String[] parts = valid(user).split("\\.");
        String payload =
                decode(parts[1]).replace(user.toString(), UUID.randomUUID().toString());
        return parts[0] + "." + encode(payload) + "." + parts[2];
    }

    /** An unsigned token ({@code alg: none}) with otherwise valid claims. */
    public static String unsigned(UUID user) {
        String[] parts = valid(user).split("\\.");
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + JWKS.kid() + "\"}";
        return encode(header) + "." + parts[1] + ".";
    }

    /** Signed with HMAC under the known kid: the classic key-confusion attempt. */
    public static String hmac(UUID user) {
        return claims(user, "companion-auth")
                .signWith(Jwts.SIG.HS256.key().build(), Jwts.SIG.HS256)
                .compact();
    }

    public static String wrongIssuer(UUID user) {
        return claims(user, "someone-else")
                .signWith(JWKS.keys().getPrivate(), Jwts.SIG.RS256)
                .compact();
    }

    /** Everything right but {@code exp}: a token that would never expire. */
    public static String withoutExpiry(UUID user) {
        return Jwts.builder()
                .header()
                .keyId(JWKS.kid())
                .and()
                .issuer(TestJwks.ISSUER)
                .audience()
                .add(TestJwks.AUDIENCE)
                .and()
                .subject(user.toString())
                .claim("plan", "free")
                .claim("is_adult", true)
                .claim("roles", List.of("user"))
                .signWith(JWKS.keys().getPrivate(), Jwts.SIG.RS256)
                .compact();
    }

    /** Everything right but {@code aud}: a token auth-service minted for some other API. */
    public static String otherAudience(UUID user) {
        return claims(user, TestJwks.ISSUER, "another-api")
                .signWith(JWKS.keys().getPrivate(), Jwts.SIG.RS256)
                .compact();
    }

    public static String signedWith(String kid, PrivateKey key, UUID user) {
        return Jwts.builder()
                .header()
                .keyId(kid)
                .and()
                .issuer(TestJwks.ISSUER)
                .audience()
                .add(TestJwks.AUDIENCE)
                .and()
                .subject(user.toString())
                .issuedAt(Date.from(Instant.now().minusSeconds(1)))
                .expiration(Date.from(Instant.now().plus(Duration.ofMinutes(15))))
                .claim("plan", "free")
                .claim("is_adult", true)
                .claim("roles", List.of("user"))
                .signWith(key, Jwts.SIG.RS256)
                .compact();
    }

    private static io.jsonwebtoken.JwtBuilder claims(UUID user, String issuer) {
        return claims(user, issuer, TestJwks.AUDIENCE);
    }

    private static io.jsonwebtoken.JwtBuilder claims(UUID user, String issuer, String audience) {
        Instant now = Instant.now();
        return Jwts.builder()
                .header()
                .keyId(JWKS.kid())
                .and()
                .issuer(issuer)
                .audience()
                .add(audience)
                .and()
                .subject(user.toString())
                .issuedAt(Date.from(now.minusSeconds(1)))
                .expiration(Date.from(now.plus(Duration.ofMinutes(15))))
                .claim("plan", "free")
                .claim("is_adult", true)
                .claim("roles", List.of("user"));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
