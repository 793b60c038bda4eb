package com.companion.gateway.support;

import com.companion.platform.test.TestJwks;
import com.sun.net.httpserver.HttpServer;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * auth-service's JWKS as the gateway sees it: it starts with the key {@link TestJwks} signs
 * with, and a test can publish another key later (a rotation). Counts how often it was asked.
 */
public final class TestKeys {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TestKeys SHARED = new TestKeys();

    private final List<Map<String, String>> keys = new CopyOnWriteArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final HttpServer server;

    private TestKeys() {
        publish(TestJwks.shared().kid(), TestJwks.shared().keys());
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = JSON.writeValueAsBytes(Map.of("keys", keys));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public static TestKeys shared() {
        return SHARED;
    }

    public URI jwksUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
    }

    public int fetches() {
        return fetches.get();
    }

    /** A fresh RSA key pair and kid, not yet published. */
    public static Rotation newKey() {
        return new Rotation(
                "rotated-" + System.nanoTime(), Jwts.SIG.RS256.keyPair().build());
    }

    public void publish(String kid, KeyPair pair) {
        RSAPublicKey key = (RSAPublicKey) pair.getPublic();
        keys.add(Map.of(
                "kty",
                "RSA",
                "use",
                "sig",
                "alg",
                "RS256",
                "kid",
                kid,
                "n",
                base64Url(key.getModulus()),
                "e",
                base64Url(key.getPublicExponent())));
    }

    public record Rotation(String kid, KeyPair keys) {}

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
