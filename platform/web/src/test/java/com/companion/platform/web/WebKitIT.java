package com.companion.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.platform.test.TestJwks;
import com.companion.platform.web.testapp.WebKitTestApp;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

@SpringBootTest(classes = WebKitTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class WebKitIT {

    static final TestJwks JWKS = TestJwks.shared();
    static final UUID USER = UUID.randomUUID();

    @DynamicPropertySource
    static void security(DynamicPropertyRegistry registry) {
        registry.add("platform.security.jwks-uri", () -> JWKS.jwksUri().toString());
        registry.add("platform.security.issuer", () -> TestJwks.ISSUER);
        registry.add("platform.web.max-json-body", () -> "1KB");
        registry.add("platform.security.jwks-refresh-cooldown", () -> "5m");
    }

    @Autowired
    RestTestClient http;

    String token() {
        return JWKS.token(USER, "premium", true);
    }

    @Test
    void aValidTokenGivesTheControllerTheCallerFromItsClaims() {
        http.get()
                .uri("/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.user_id")
                .isEqualTo(USER.toString())
                .jsonPath("$.plan")
                .isEqualTo("premium")
                .jsonPath("$.is_adult")
                .isEqualTo(true);
    }

    @Test
    void missingExpiredTamperedAndUnsignedTokensAreRejectedWithAProblem() {
        unauthorized(null);
        unauthorized(JWKS.token(USER, "free", false, Duration.ofSeconds(-120)));
        String valid = token();
        String[] parts = valid.split("\\.");
        String forgedClaims = base64Url("{\"sub\":\"" + UUID.randomUUID()
                + "\",\"iss\":\"companion-auth\",\"plan\":\"premium\",\"is_adult\":true,\"exp\":9999999999}");
        unauthorized(parts[0] + "." + forgedClaims + "." + parts[2]);
        String noneHeader = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        unauthorized(noneHeader + "." + parts[1] + ".");
        var hmacKey = Jwts.SIG.HS256.key().build();
        unauthorized(Jwts.builder()
                .issuer(TestJwks.ISSUER)
                .subject(USER.toString())
                .expiration(new java.util.Date(System.currentTimeMillis() + 60_000))
                .signWith(hmacKey)
                .compact());
        var otherKeys = Jwts.SIG.RS256.keyPair().build();
        unauthorized(Jwts.builder()
                .header()
                .keyId(JWKS.kid())
                .and()
                .issuer(TestJwks.ISSUER)
                .subject(USER.toString())
                .expiration(new java.util.Date(System.currentTimeMillis() + 60_000))
                .signWith(otherKeys.getPrivate(), Jwts.SIG.RS256)
                .compact());
        unauthorized(Jwts.builder()
                .header()
                .keyId(JWKS.kid())
                .and()
                .issuer("someone-else")
                .subject(USER.toString())
                .expiration(new java.util.Date(System.currentTimeMillis() + 60_000))
                .signWith(JWKS.keys().getPrivate(), Jwts.SIG.RS256)
                .compact());
    }

    @Test
    void tokensWithoutExpiryOrForAnotherAudienceAreRejected() {
        unauthorized(signed(jwt -> jwt.audience().add(TestJwks.AUDIENCE).and()));
        unauthorized(signed(jwt -> jwt.expiration(inAMinute())));
        unauthorized(signed(jwt -> jwt.audience().add("another-api").and().expiration(inAMinute())));
        http.get()
                .uri("/me")
                .header(
                        HttpHeaders.AUTHORIZATION,
                        "Bearer "
                                + signed(jwt -> jwt.audience()
                                        .add(TestJwks.AUDIENCE)
                                        .and()
                                        .expiration(inAMinute())))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void forgedKeyIdsDoNotMakeTheServiceFetchTheKeySetEachTime() {
        http.get()
                .uri("/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token())
                .exchange()
                .expectStatus()
                .isOk();
        int before = JWKS.jwksRequests();
        var otherKeys = Jwts.SIG.RS256.keyPair().build();
        for (int i = 0; i < 20; i++) {
            String kid = "forged-" + i;
            unauthorized(Jwts.builder()
                    .header()
                    .keyId(kid)
                    .and()
                    .issuer(TestJwks.ISSUER)
                    .audience()
                    .add(TestJwks.AUDIENCE)
                    .and()
                    .subject(USER.toString())
                    .expiration(inAMinute())
                    .signWith(otherKeys.getPrivate(), Jwts.SIG.RS256)
                    .compact());
        }
        assertThat(JWKS.jwksRequests() - before).isLessThanOrEqualTo(2);
    }

    private static java.util.Date inAMinute() {
        return new java.util.Date(System.currentTimeMillis() + 60_000);
    }

    /** A token signed with the test key, with the claims {@code claims} adds to issuer and subject. */
    private static String signed(java.util.function.UnaryOperator<io.jsonwebtoken.JwtBuilder> claims) {
        return claims.apply(Jwts.builder()
                        .header()
                        .keyId(JWKS.kid())
                        .and()
                        .issuer(TestJwks.ISSUER)
                        .subject(USER.toString())
                        .claim("plan", "free")
                        .claim("is_adult", true))
                .signWith(JWKS.keys().getPrivate(), Jwts.SIG.RS256)
                .compact();
    }

    @Test
    void everyLogLineOfARequestCarriesTheCallerAndTheGatewaysRequestId() {
        http.get()
                .uri("/log-context")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token())
                .header("X-Request-Id", "req-42")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.user")
                .isEqualTo(USER.toString())
                .jsonPath("$.request")
                .isEqualTo("req-42");
        http.get()
                .uri("/log-context")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token())
                .header("X-Request-Id", "bad id; drop table")
                .exchange()
                .expectBody()
                .jsonPath("$.request")
                .isEqualTo("null");
    }

    @Test
    void anOpenRouteServesAnonymousCallers() {
        http.get()
                .uri("/open")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.anonymous")
                .isEqualTo(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/staff/reports", "/staff/by-rule"})
    void aMissingRoleIsAForbiddenProblem(String path) {
        http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token())
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/forbidden");
        http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + JWKS.token(USER, "free", true, "user", "admin"))
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** Method security and request rules alike: the administrative API does not reveal itself. */
    @ParameterizedTest
    @ValueSource(strings = {"/admin/reports", "/admin/by-rule"})
    void aMissingRoleUnderAdminIsNotFound(String path) {
        http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token())
                .header("X-Request-Id", "req-7")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/not-found")
                .jsonPath("$.instance")
                .isEqualTo(path)
                .jsonPath("$.request_id")
                .isEqualTo("req-7");
        http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + JWKS.token(USER, "free", true, "user", "admin"))
                .exchange()
                .expectStatus()
                .isOk();
        http.get().uri(path).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void invalidFieldsAreListedInSnakeCase() {
        post("{\"pet_name\":\"\",\"age_years\":150}")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("age_years")
                .jsonPath("$.errors[1].field")
                .isEqualTo("pet_name");
    }

    @Test
    void unknownFieldsWrongTypesAndMalformedJsonAreProblemsNamingTheField() {
        post("{\"pet_name\":\"Rex\",\"age_years\":3,\"owner\":\"me\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("owner")
                .jsonPath("$.errors[0].message")
                .isEqualTo("unknown field");
        post("{\"pet_name\":\"Rex\",\"age_years\":\"three\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("age_years");
        post("{\"pet_name\":\"Rex\",\"age_years\":3,\"mood\":\"angry\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("mood");
        // A number or a boolean where text is expected is refused too, not read as "123" or "true".
        for (String value : List.of("123", "1.5", "true")) {
            post("{\"pet_name\":" + value + ",\"age_years\":3}")
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("/problems/validation")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("pet_name");
        }
        // A number where a choice is expected is not read as the choice at that position ("visibility": 1 as public).
        for (String value : List.of("0", "1", "true")) {
            post("{\"pet_name\":\"Rex\",\"age_years\":3,\"mood\":" + value + "}")
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("/problems/validation")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("mood");
        }
        post("{\"pet_name\":")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/malformed-body");
    }

    @Test
    void aBodyOverTheLimitIsAProblemAboutTheRequestedPathWithTheGatewaysRequestId() {
        http.post()
                .uri("/pets")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token())
                .header("X-Request-Id", "req-413")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"pet_name\":\"" + "x".repeat(70_000) + "\",\"age_years\":3}")
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/too-large")
                .jsonPath("$.instance")
                .isEqualTo("/pets")
                .jsonPath("$.request_id")
                .isEqualTo("req-413");
    }

    @Test
    void frameworkErrorsAreProblemsAboutTheRequestedPath() {
        http.delete()
                .uri("/pets")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token())
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists(HttpHeaders.ALLOW)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/method-not-allowed")
                .jsonPath("$.instance")
                .isEqualTo("/pets");
        http.post()
                .uri("/pets")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token())
                .contentType(MediaType.TEXT_PLAIN)
                .body("Rex")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/unsupported-media-type")
                .jsonPath("$.instance")
                .isEqualTo("/pets");
        http.get()
                .uri("/pets")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/validation")
                .jsonPath("$.instance")
                .isEqualTo("/pets")
                .jsonPath("$.errors[0].field")
                .isEqualTo("owner_name")
                .jsonPath("$.errors[0].message")
                .isEqualTo("is required");
    }

    @Test
    void aBodyOverTheLimitIsRefused() {
        post("{\"pet_name\":\"" + "x".repeat(2000) + "\",\"age_years\":3}")
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/too-large");
    }

    @Test
    void raisedProblemsKeepTheirTypeAndExtraProperties() {
        http.get()
                .uri("/pets/" + UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token())
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/not-found");
        http.get()
                .uri("/conflict")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token())
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("username");
        http.get()
                .uri("/pets/not-a-uuid")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("id");
    }

    @Test
    void unexpectedErrorsRevealNoInternals() {
        String body = new String(
                http.get()
                        .uri("/boom")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token())
                        .exchange()
                        .expectStatus()
                        .is5xxServerError()
                        .expectBody()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);
        assertThat(body).contains("error_id").doesNotContain("secret_table", "IllegalStateException", "at com.");
        String notFound = new String(
                http.get()
                        .uri("/no/such/route")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token())
                        .exchange()
                        .expectStatus()
                        .isNotFound()
                        .expectHeader()
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);
        assertThat(notFound).doesNotContain("NoResourceFoundException", "org.springframework");
    }

    private RestTestClient.ResponseSpec post(String json) {
        return http.post()
                .uri("/pets")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token())
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .exchange();
    }

    private void unauthorized(String token) {
        var request = http.get().uri("/me");
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        request.exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.instance")
                .isEqualTo("/me");
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
