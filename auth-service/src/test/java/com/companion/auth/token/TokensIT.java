package com.companion.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.companion.auth.support.Api;
import com.companion.auth.support.Api.Reply;
import com.companion.auth.support.Concurrently;
import com.companion.auth.support.MutableClock;
import com.companion.auth.support.Signups;
import com.companion.auth.support.Tokens;
import com.companion.auth.token.internal.SigningKeys;
import com.companion.contracts.Topics;
import com.companion.platform.test.IntegrationTest;
import com.companion.platform.test.KafkaProbe;
import com.companion.platform.test.TestJwks;
import com.companion.platform.web.security.PlatformSecurityAutoConfiguration;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Access tokens as other services see them (through the JWKS only), refresh-token rotation and
 * reuse, device sessions, and signing-key rotation. The service clock starts an hour in the past
 * so that tokens can be issued already expired; each test runs at real time unless it moves it.
 */
@IntegrationTest
@AutoConfigureRestTestClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokensIT {

    private static final MutableClock CLOCK = new MutableClock(Duration.ofHours(-1));
    private static final KafkaProbe SESSION_EVENTS = new KafkaProbe(Topics.AUTH_SESSIONS);

    @AfterAll
    static void closeProbe() {
        SESSION_EVENTS.close();
    }

    @TestBean
    Clock clock;

    static Clock clock() {
        return CLOCK;
    }

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SigningKeys signingKeys;

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        CLOCK.setOffset(Duration.ZERO);
    }

    @Test
    @Order(1)
    void anIndependentVerifierFedOnlyByTheJwksAcceptsIssuedTokens() {
        Reply signup = api.post("/auth/signup", Signups.valid().with("age", 16).body());
        String token = signup.text("access_token");

        Reply jwks = api.get("/auth/.well-known/jwks.json", null);
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.headers().getCacheControl()).contains("max-age=300").contains("public");
        JsonNode key = jwks.body().path("keys").get(0);
        assertThat(key.path("kty").asString()).isEqualTo("RSA");
        assertThat(key.path("alg").asString()).isEqualTo("RS256");
        assertThat(key.path("use").asString()).isEqualTo("sig");
        assertThat(key.has("d")).as("no private part").isFalse();

        Jws<Claims> verified = verifyWithJwks(token);
        JwsHeader header = verified.getHeader();
        assertThat(header.getAlgorithm()).isEqualTo("RS256");
        assertThat(header.getKeyId()).isEqualTo(key.path("kid").asString());
        Claims claims = verified.getPayload();
        assertThat(claims.getIssuer()).isEqualTo("companion-auth");
        assertThat(claims.getAudience()).containsExactly("companion-api");
        assertThat(claims.getSubject()).isEqualTo(signup.at("/user/id").asString());
        assertThat(claims.getId()).isNotBlank();
        assertThat(claims.get("username", String.class))
                .isEqualTo(signup.at("/user/username").asString());
        assertThat(claims.get("plan", String.class)).isEqualTo("free");
        assertThat(claims.get("is_adult", Boolean.class)).isFalse();
        assertThat(claims.get("roles", List.class)).containsExactly("user");
        assertThat(claims.get("sid", String.class)).isNotBlank();
        assertThat(Duration.between(
                        claims.getIssuedAt().toInstant(), claims.getExpiration().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));

        withPlatformKitDecoder(decoder -> {
            Jwt jwt = decoder.decode(token);
            assertThat(jwt.getSubject()).isEqualTo(claims.getSubject());
            assertThat(jwt.getClaimAsBoolean("is_adult")).isFalse();
        });
    }

    @Test
    @Order(2)
    void tamperedUnsignedAndForeignTokensAreRejected() throws Exception {
        Reply signup = api.post("/auth/signup", Signups.valid().body());
        String token = signup.text("access_token");
        String[] parts = token.split("\\.");
        String kid = Tokens.header(token).path("kid").asString();

        ObjectNode premium = (ObjectNode) Tokens.claims(token);
        premium.put("plan", "premium");
        premium.putArray("roles").add("user").add("admin");
        String tampered = parts[0] + "." + encode(premium.toString()) + "." + parts[2];

        String none = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";

        String hmacHeader = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}");
        Mac mac = Mac.getInstance("HmacSHA256");
        byte[] publicKey = api.get("/auth/.well-known/jwks.json", null)
                .at("/keys/0/n")
                .asString()
                .getBytes(StandardCharsets.UTF_8);
        mac.init(new SecretKeySpec(publicKey, "HmacSHA256"));
        String hmacInput = hmacHeader + "." + parts[1];
        String hmac = hmacInput + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(mac.doFinal(hmacInput.getBytes(StandardCharsets.US_ASCII)));

        String foreign = TestJwks.shared().token(UUID.randomUUID(), "premium", true, "user", "admin");
        String foreignWithOurKid = Jwts.builder()
                .header()
                .keyId(kid)
                .and()
                .issuer("companion-auth")
                .subject(UUID.randomUUID().toString())
                .issuedAt(new Date())
                .expiration(Date.from(Instant.now().plusSeconds(600)))
                .claim("roles", List.of("user", "admin"))
                .signWith(TestJwks.shared().keys().getPrivate(), Jwts.SIG.RS256)
                .compact();

        List<String> forged = List.of(tampered, none, hmac, foreign, foreignWithOurKid);
        for (String bad : forged) {
            Reply reply = api.get("/auth/me", bad);
            assertThat(reply.status()).as(bad).isEqualTo(401);
            assertThat(reply.text("type")).isEqualTo("/problems/unauthorized");
        }
        assertThat(api.get("/auth/me", token).status()).isEqualTo(200);
        withPlatformKitDecoder(decoder -> {
            for (String bad : forged) {
                assertThatThrownBy(() -> decoder.decode(bad)).as(bad).isInstanceOf(JwtException.class);
            }
        });
    }

    @Test
    @Order(3)
    void expiredTokensAreRejectedByTheServiceAndByThePlatformKit() {
        CLOCK.setOffset(Duration.ofMinutes(-20));
        String token = api.post("/auth/signup", Signups.valid().body()).text("access_token");
        CLOCK.setOffset(Duration.ZERO);

        assertThat(api.get("/auth/me", token).status()).isEqualTo(401);
        withPlatformKitDecoder(decoder -> assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("expired"));
    }

    @Test
    @Order(4)
    void everyRefreshReplacesTheRefreshTokenAndReusingAnOldOneEndsTheSession() {
        Reply signup = api.post("/auth/signup", Signups.valid().body());
        String userId = signup.at("/user/id").asString();
        String first = signup.text("refresh_token");

        Reply second = refresh(first);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text("refresh_token")).isNotEqualTo(first);
        assertThat(second.text("access_token")).isNotEqualTo(signup.text("access_token"));
        assertThat(second.body().path("expires_in").asLong()).isEqualTo(900);
        assertThat(Tokens.claims(second.text("access_token")).path("sid").asString())
                .isEqualTo(
                        Tokens.claims(signup.text("access_token")).path("sid").asString());
        Reply third = refresh(second.text("refresh_token"));
        assertThat(third.status()).isEqualTo(200);
        assertThat(api.get("/auth/sessions", third.text("access_token"))
                        .body()
                        .path("items")
                        .size())
                .isEqualTo(1);

        Reply replayed = refresh(first);
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.text("type")).isEqualTo("/problems/invalid-refresh-token");
        assertThat(refresh(third.text("refresh_token")).status())
                .as("the whole family is revoked")
                .isEqualTo(401);
        assertSessionEnded(api.get("/auth/sessions", third.text("access_token")));
        assertThat(auditCount("refresh.reuse", userId)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from refresh_token t join device_session s on s.id = t.session_id"
                                + " where s.user_id = cast(:id as uuid)")
                        .param("id", userId)
                        .query(Long.class)
                        .single())
                .as("three tokens, stored hashed")
                .isEqualTo(3);
    }

    @Test
    @Order(5)
    void ofConcurrentRefreshesWithOneTokenOnlyOneSucceeds() {
        Reply signup = api.post("/auth/signup", Signups.valid().body());
        String refreshToken = signup.text("refresh_token");

        List<Reply> replies = Concurrently.run(5, i -> refresh(refreshToken));

        assertThat(replies).extracting(Reply::status).containsOnlyOnce(200).containsOnly(200, 401);
        assertThat(auditCount("refresh.reuse", signup.at("/user/id").asString()))
                .isPositive();
        String winner = replies.stream()
                .filter(r -> r.status() == 200)
                .findFirst()
                .orElseThrow()
                .text("refresh_token");
        assertThat(refresh(winner).status()).as("the reuse revoked the family").isEqualTo(401);
    }

    @Test
    @Order(6)
    void theCallerListsAndRevokesTheirDeviceSessionsOnly() {
        Signups signup = Signups.valid();
        Reply phone = call(HttpMethod.POST, "/auth/signup", signup.body(), null, "Phone/1.0");
        Reply laptop = call(
                HttpMethod.POST,
                "/auth/login",
                Map.of("identifier", signup.get("email"), "password", Signups.PASSWORD),
                null,
                "Laptop/2.0");

        Reply list = api.get("/auth/sessions", phone.text("access_token"));
        assertThat(list.status()).isEqualTo(200);
        JsonNode items = list.body().path("items");
        assertThat(items.size()).isEqualTo(2);
        assertThat(list.body().has("next_cursor")).isTrue();
        String phoneSession = sessionId(phone);
        String laptopSession = sessionId(laptop);
        for (JsonNode item : items) {
            boolean isPhone = item.path("id").asString().equals(phoneSession);
            assertThat(item.path("current").asBoolean()).isEqualTo(isPhone);
            assertThat(item.path("user_agent").asString()).isEqualTo(isPhone ? "Phone/1.0" : "Laptop/2.0");
            assertThat(item.path("created_at").asString()).isNotBlank();
            assertThat(item.path("last_used_at").asString()).isNotBlank();
        }

        Reply firstPage = api.get("/auth/sessions?limit=1", phone.text("access_token"));
        assertThat(firstPage.status()).isEqualTo(200);
        assertThat(firstPage.body().path("items").size()).isEqualTo(1);
        String cursor = firstPage.text("next_cursor");
        assertThat(cursor).isNotBlank();
        Reply secondPage = api.get("/auth/sessions?limit=1&cursor=" + cursor, phone.text("access_token"));
        assertThat(secondPage.status()).isEqualTo(200);
        assertThat(secondPage.body().path("items").size()).isEqualTo(1);
        assertThat(secondPage.body().path("next_cursor").isNull()).isTrue();
        assertThat(List.of(
                        firstPage.at("/items/0/id").asString(),
                        secondPage.at("/items/0/id").asString()))
                .containsExactly(
                        items.get(0).path("id").asString(),
                        items.get(1).path("id").asString());
        for (String limit : List.of("0", "101", "-5", "many")) {
            Reply refused = api.get("/auth/sessions?limit=" + limit, phone.text("access_token"));
            assertThat(refused.status()).as("limit=%s", limit).isEqualTo(400);
            assertThat(refused.text("type")).isEqualTo("/problems/validation");
            assertThat(refused.at("/errors/0/field").asString()).isEqualTo("limit");
        }
        for (String garbage : List.of("garbage", "bad!!", "AAAA", "MjAyNi0wMS0wMVQwMDowMDowMFosbm90LWEtdXVpZA")) {
            Reply refused = api.get("/auth/sessions?cursor=" + garbage, phone.text("access_token"));
            assertThat(refused.status()).as("cursor=%s", garbage).isEqualTo(400);
            assertThat(refused.text("type")).isEqualTo("/problems/invalid-cursor");
        }

        String stranger = api.post("/auth/signup", Signups.valid().body()).text("access_token");
        assertThat(api.delete("/auth/sessions/" + laptopSession, null, stranger).status())
                .isEqualTo(404);
        assertThat(api.delete("/auth/sessions/" + UUID.randomUUID(), null, phone.text("access_token"))
                        .status())
                .isEqualTo(404);
        assertThat(api.delete("/auth/sessions/not-a-uuid", null, phone.text("access_token"))
                        .status())
                .isEqualTo(400);

        assertThat(api.delete("/auth/sessions/" + laptopSession, null, phone.text("access_token"))
                        .status())
                .isEqualTo(204);
        assertThat(refresh(laptop.text("refresh_token")).status()).isEqualTo(401);
        assertSessionEnded(api.get("/auth/me", laptop.text("access_token")));
        assertSessionEnded(api.get("/auth/sessions", laptop.text("access_token")));
        assertThat(api.get("/auth/me", phone.text("access_token")).status()).isEqualTo(200);
        assertThat(awaitRevoked(laptopSession).path("reason").asString()).isEqualTo("revoked");
        assertThat(refresh(phone.text("refresh_token")).status()).isEqualTo(200);
        assertThat(api.get("/auth/sessions", phone.text("access_token"))
                        .body()
                        .path("items")
                        .size())
                .isEqualTo(1);
    }

    @Test
    @Order(7)
    void logoutEndsTheSessionAndPublicRoutesIgnoreAStaleBearer() {
        Reply signup = api.post("/auth/signup", Signups.valid().body());
        String userId = signup.at("/user/id").asString();

        Reply withStaleBearer = api.call(
                HttpMethod.POST,
                "/auth/refresh",
                Map.of("refresh_token", signup.text("refresh_token")),
                "expired.or.garbage",
                Map.of());
        assertThat(withStaleBearer.status()).isEqualTo(200);
        String current = withStaleBearer.text("refresh_token");

        assertThat(api.post("/auth/logout", Map.of("refresh_token", current)).status())
                .isEqualTo(204);
        assertThat(refresh(current).status()).isEqualTo(401);
        assertThat(api.post("/auth/logout", Map.of("refresh_token", "never-issued"))
                        .status())
                .isEqualTo(204);
        assertThat(auditCount("logout", userId)).isEqualTo(1);
        assertSessionEnded(api.get("/auth/me", withStaleBearer.text("access_token")));
        JsonNode revoked = awaitRevoked(sessionId(withStaleBearer));
        assertThat(revoked.path("user_id").asString()).isEqualTo(userId);
        assertThat(revoked.path("reason").asString()).isEqualTo("logout");
        assertThat(api.post("/auth/refresh", Map.of()).status()).isEqualTo(400);
    }

    @Test
    @Order(99)
    void aDeviceSessionEndsNinetyDaysAfterItsSignInHoweverOftenItIsRefreshed() {
        Reply signup = api.post("/auth/signup", Signups.valid().body());
        String refreshToken = signup.text("refresh_token");
        for (int day = 20; day <= 80; day += 20) {
            CLOCK.setOffset(Duration.ofDays(day));
            Reply refreshed = refresh(refreshToken);
            assertThat(refreshed.status()).as("refresh on day %d", day).isEqualTo(200);
            refreshToken = refreshed.text("refresh_token");
        }
        CLOCK.setOffset(Duration.ofDays(90).plusMinutes(1));
        assertThat(refresh(refreshToken).status()).isEqualTo(401);
    }

    @Test
    @Order(100)
    void aRotatedKeyStaysPublishedUntilTheTokensItSignedHaveExpired() {
        Instant firstActivation = jdbc.sql("select min(activates_at) from signing_key")
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
        String firstKid = jwksKids().getFirst();
        Instant due = firstActivation.plus(Duration.ofDays(30));

        CLOCK.setTo(due.minus(Duration.ofMinutes(30)));
        signingKeys.refresh();
        List<String> kids = jwksKids();
        assertThat(kids).hasSize(2).contains(firstKid);
        String secondKid =
                kids.stream().filter(k -> !k.equals(firstKid)).findFirst().orElseThrow();
        Signups signup = Signups.valid();
        assertThat(kidOf(api.post("/auth/signup", signup.body()).text("access_token")))
                .as("the new key is published before it signs")
                .isEqualTo(firstKid);

        CLOCK.setTo(due.plus(Duration.ofMinutes(29)));
        String signedByFirst = login(signup);
        assertThat(kidOf(signedByFirst)).isEqualTo(firstKid);

        CLOCK.setTo(due.plus(Duration.ofMinutes(31)));
        String signedBySecond = login(signup);
        assertThat(kidOf(signedBySecond)).isEqualTo(secondKid);
        assertThat(api.get("/auth/me", signedByFirst).status()).isEqualTo(200);
        assertThat(api.get("/auth/me", signedBySecond).status()).isEqualTo(200);
        assertThat(jwksKids()).containsExactlyInAnyOrder(firstKid, secondKid);
        verifyWithJwks(signedByFirst);
        verifyWithJwks(signedBySecond);

        CLOCK.setTo(due.plus(Duration.ofMinutes(30 + 15 + 5)).plusSeconds(1));
        signingKeys.refresh();
        assertThat(jwksKids()).containsExactly(secondKid);
        assertThat(jdbc.sql("select count(*) from signing_key")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(api.get("/auth/me", signedByFirst).status()).isEqualTo(401);
        String fresh = login(signup);
        assertThat(kidOf(fresh)).isEqualTo(secondKid);
        assertThat(api.get("/auth/me", fresh).status()).isEqualTo(200);
    }

    private Jws<Claims> verifyWithJwks(String token) {
        String document = api.get("/auth/.well-known/jwks.json", null).body().toString();
        JwkSet keys = Jwks.setParser().build().parse(document);
        return Jwts.parser()
                .keyLocator(new LocatorAdapter<Key>() {
                    @Override
                    protected Key locate(JwsHeader header) {
                        return keys.getKeys().stream()
                                .filter(jwk -> jwk.getId().equals(header.getKeyId()))
                                .findFirst()
                                .map(Jwk::toKey)
                                .orElseThrow();
                    }
                })
                .requireIssuer("companion-auth")
                .build()
                .parseSignedClaims(token);
    }

    /** The platform web kit's own decoder, as every other service builds it, pointed at this service's JWKS. */
    private void withPlatformKitDecoder(Consumer<JwtDecoder> use) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PlatformSecurityAutoConfiguration.class))
                .withBean(SecurityFilterChain.class, () -> new DefaultSecurityFilterChain(AnyRequestMatcher.INSTANCE))
                .withPropertyValues(
                        "platform.security.jwks-uri=http://127.0.0.1:" + port + "/auth/.well-known/jwks.json",
                        "platform.security.issuer=companion-auth")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    use.accept(context.getBean(JwtDecoder.class));
                });
    }

    private Reply refresh(String refreshToken) {
        return api.post("/auth/refresh", Map.of("refresh_token", refreshToken));
    }

    private String login(Signups signup) {
        return api.post("/auth/login", Map.of("identifier", signup.get("username"), "password", Signups.PASSWORD))
                .text("access_token");
    }

    private Reply call(HttpMethod method, String path, Object body, String token, String userAgent) {
        return api.call(method, path, body, token, Map.of(HttpHeaders.USER_AGENT, userAgent));
    }

    private List<String> jwksKids() {
        List<String> kids = new java.util.ArrayList<>();
        api.get("/auth/.well-known/jwks.json", null)
                .body()
                .path("keys")
                .forEach(k -> kids.add(k.path("kid").asString()));
        return kids;
    }

    private static void assertSessionEnded(Reply reply) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.text("type")).isEqualTo("/problems/session-ended");
        assertThat(reply.text("detail")).contains("signed out");
    }

    /** The {@code auth.session-revoked} event of a device session, once it reached the topic. */
    private static JsonNode awaitRevoked(String sessionId) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> SESSION_EVENTS.records().stream()
                                .map(record -> Api.JSON.readTree(record.value()))
                                .filter(e -> "auth.session-revoked"
                                        .equals(e.path("event_type").asString()))
                                .map(e -> e.path("data"))
                                .filter(data ->
                                        sessionId.equals(data.path("session_id").asString()))
                                .findFirst()
                                .orElse(null),
                        data -> data != null);
    }

    private long auditCount(String eventType, String userId) {
        return jdbc.sql("select count(*) from security_audit where event_type = :type and user_id = cast(:id as uuid)")
                .param("type", eventType)
                .param("id", userId)
                .query(Long.class)
                .single();
    }

    private static String sessionId(Reply signedIn) {
        return Tokens.claims(signedIn.text("access_token")).path("sid").asString();
    }

    private static String kidOf(String token) {
        return Tokens.header(token).path("kid").asString();
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
