package com.companion.platform.test;

import com.sun.net.httpserver.HttpServer;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for auth-service's key set in tests of other services: serves a JWKS over HTTP and
 * mints RS256 access tokens with the claims auth-service issues, so a service under test
 * verifies tokens exactly as in production.
 */
public final class TestJwks {

    public static final String ISSUER = "companion-auth";
    public static final String AUDIENCE = "companion-api";

    private static volatile TestJwks shared;

    private final KeyPair keys = Jwts.SIG.RS256.keyPair().build();
    private final String kid = "test-" + UUID.randomUUID();
    private final HttpServer server;
    private final AtomicInteger jwksRequests = new AtomicInteger();

    private TestJwks() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = jwks().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks.json", exchange -> {
            jwksRequests.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public static TestJwks shared() {
        if (shared == null) {
            synchronized (TestJwks.class) {
                if (shared == null) {
                    shared = new TestJwks();
                }
            }
        }
        return shared;
    }

    public URI jwksUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
    }

    /** How many times the key set was fetched, by anyone in this JVM. */
    public int jwksRequests() {
        return jwksRequests.get();
    }

    public KeyPair keys() {
        return keys;
    }

    public String kid() {
        return kid;
    }

    /** A valid 15-minute access token for a user. */
    public String token(UUID userId, String plan, boolean adult, String... roles) {
        return token(userId, plan, adult, Duration.ofMinutes(15), roles);
    }

    public String token(UUID userId, String plan, boolean adult, Duration life, String... roles) {
        return token(userId, plan, adult, life, UUID.randomUUID(), roles);
    }

    /** A valid 15-minute token of one device session ({@code sid}), as auth-service issues after a sign-in. */
    public String tokenOfSession(UUID userId, UUID deviceSession) {
        return token(userId, "free", true, Duration.ofMinutes(15), deviceSession);
    }

    private String token(UUID userId, String plan, boolean adult, Duration life, UUID deviceSession, String... roles) {
        Instant now = Instant.now();
        return Jwts.builder()
                .header()
                .keyId(kid)
                .and()
                .issuer(ISSUER)
                .audience()
                .add(AUDIENCE)
                .and()
                .subject(userId.toString())
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now.minus(Duration.ofSeconds(1))))
                .expiration(Date.from(now.plus(life)))
                .claim("username", "user_" + userId.toString().substring(0, 8))
                .claim("plan", plan)
                .claim("is_adult", adult)
                .claim("roles", roles.length == 0 ? List.of("user") : List.of(roles))
                .claim("sid", deviceSession.toString())
                .signWith(keys.getPrivate(), Jwts.SIG.RS256)
                .compact();
    }

    private String jwks() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"n\":\""
                + base64Url(key.getModulus()) + "\",\"e\":\"" + base64Url(key.getPublicExponent()) + "\"}]}";
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
