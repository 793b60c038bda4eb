package com.companion.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.gateway.support.Downstream;
import com.companion.gateway.support.GatewayTest;
import com.companion.gateway.support.StubService.Received;
import com.companion.gateway.support.TestKeys;
import com.companion.gateway.support.Tokens;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

class EdgeAuthIT extends GatewayTest {

    private static final UUID USER = UUID.randomUUID();

    static Stream<Arguments> rejectedTokens() {
        return Stream.of(
                Arguments.of("missing", null),
                Arguments.of("expired", "Bearer " + Tokens.expired(USER)),
                Arguments.of("tampered", "Bearer " + Tokens.tampered(USER)),
                Arguments.of("alg none", "Bearer " + Tokens.unsigned(USER)),
                Arguments.of("HMAC under the RSA kid", "Bearer " + Tokens.hmac(USER)),
                Arguments.of("another issuer", "Bearer " + Tokens.wrongIssuer(USER)),
                Arguments.of("no expiry", "Bearer " + Tokens.withoutExpiry(USER)),
                Arguments.of("another audience", "Bearer " + Tokens.otherAudience(USER)),
                Arguments.of("not a JWT", "Bearer not.a.jwt"),
                Arguments.of("not a bearer token", "Basic dXNlcjpwYXNz"));
    }

    @ParameterizedTest(name = "{0} token")
    @MethodSource("rejectedTokens")
    void aRequestWithoutAValidTokenIsRefusedAtTheEdge(String kind, String authorization) {
        client.get()
                .uri("/sessions?limit=5")
                .headers(h -> {
                    if (authorization != null) {
                        h.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                })
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/unauthorized")
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.instance")
                .isEqualTo("/sessions");

        assertThat(Downstream.noneReceivedAnything()).isTrue();
    }

    @Test
    void theTokenIssuingRoutesIgnoreAStaleToken() {
        client.post()
                .uri("/auth/refresh")
                .headers(h -> h.setBearerAuth(Tokens.expired(USER)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"refresh_token\":\"r\"}")
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(Downstream.AUTH.next().path()).isEqualTo("/auth/refresh");
    }

    @Test
    void theCatalogueIsOpenButAStaleTokenOnItIsRefused() {
        client.get().uri("/characters/public").exchange().expectStatus().isOk();
        assertThat(Downstream.CHARACTER.next().header("Authorization")).isNull();

        client.get()
                .uri("/characters/public")
                .headers(h -> h.setBearerAuth(Tokens.expired(USER)))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        assertThat(Downstream.CHARACTER.receivedNothing()).isTrue();
    }

    @Test
    void aCharacterIsReadWithoutATokenButChangedAndListedAsOnesOwnOnlyWithOne() {
        String character = "/characters/" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        client.get().uri(character).exchange().expectStatus().isOk();
        Received read = Downstream.CHARACTER.next();
        assertThat(read.path()).isEqualTo(character);
        assertThat(read.header("Authorization")).isNull();

        client.get()
                .uri(character)
                .headers(h -> h.setBearerAuth(Tokens.expired(USER)))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        for (HttpMethod write : List.of(HttpMethod.PUT, HttpMethod.DELETE)) {
            client.method(write)
                    .uri(character)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }
        for (String own : List.of(
                "/characters/mine",
                "/characters/favorites",
                "/characters/shared-with-me",
                character + "/export",
                "/characters/not-a-character-id")) {
            client.get().uri(own).exchange().expectStatus().isUnauthorized();
        }
        client.post()
                .uri(character + "/set-adult")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"enabled\":false}")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        assertThat(Downstream.CHARACTER.receivedNothing()).isTrue();
    }

    @Test
    void aTokenInTheQueryCountsOnlyOnTheSocketUpgrade() {
        client.get()
                .uri("/sessions?access_token=" + Tokens.valid(USER))
                .exchange()
                .expectStatus()
                .isUnauthorized();

        assertThat(Downstream.noneReceivedAnything()).isTrue();
    }

    @Test
    void adminRoutesDoNotExistForCallersWithoutTheAdminRole() {
        for (String path : List.of("/admin/users/" + USER + "/plan", "/admin/reports/" + USER + "/resolve")) {
            client.put()
                    .uri(path)
                    .headers(h -> h.setBearerAuth(Tokens.valid(USER)))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"plan\":\"premium\"}")
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("/problems/not-found");
        }
        assertThat(Downstream.AUTH.receivedNothing()).isTrue();
        assertThat(Downstream.CHAT.receivedNothing()).isTrue();
    }

    @Test
    void aKeyRotatedInByAuthServiceIsPickedUpWithoutARestart() {
        TestKeys.Rotation rotation = TestKeys.newKey();
        String token = Tokens.signedWith(rotation.kid(), rotation.keys().getPrivate(), USER);

        client.get()
                .uri("/sessions")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        int fetchesBefore = TestKeys.shared().fetches();

        TestKeys.shared().publish(rotation.kid(), rotation.keys());

        client.get()
                .uri("/sessions")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(TestKeys.shared().fetches()).isGreaterThan(fetchesBefore);
        assertThat(Downstream.CHAT.next().header("Authorization")).isEqualTo("Bearer " + token);
    }
}
