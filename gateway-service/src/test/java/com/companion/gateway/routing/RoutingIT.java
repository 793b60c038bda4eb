package com.companion.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.gateway.support.Downstream;
import com.companion.gateway.support.GatewayTest;
import com.companion.gateway.support.StubService;
import com.companion.gateway.support.StubService.Received;
import com.companion.gateway.support.Tokens;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

class RoutingIT extends GatewayTest {

    private static final UUID USER = UUID.randomUUID();
    private static final UUID CHARACTER = UUID.randomUUID();

    static Stream<Arguments> routes() {
        String user = Tokens.valid(USER);
        String admin = Tokens.admin(USER);
        return Stream.of(
                Arguments.of("POST", "/auth/signup", Downstream.AUTH, null),
                Arguments.of("POST", "/auth/login", Downstream.AUTH, null),
                Arguments.of("POST", "/auth/refresh", Downstream.AUTH, null),
                Arguments.of("POST", "/auth/logout", Downstream.AUTH, null),
                Arguments.of("GET", "/auth/.well-known/jwks.json", Downstream.AUTH, null),
                Arguments.of("GET", "/auth/me", Downstream.AUTH, user),
                Arguments.of("PATCH", "/auth/me", Downstream.AUTH, user),
                Arguments.of("PUT", "/auth/me/persona", Downstream.AUTH, user),
                Arguments.of("GET", "/auth/sessions", Downstream.AUTH, user),
                Arguments.of("POST", "/auth/password", Downstream.AUTH, user),
                Arguments.of("POST", "/auth/password/forgot", Downstream.AUTH, null),
                Arguments.of("POST", "/auth/password/reset", Downstream.AUTH, null),
                Arguments.of("POST", "/auth/email/verify", Downstream.AUTH, null),
                Arguments.of("POST", "/auth/email/change/confirm", Downstream.AUTH, null),
                Arguments.of("POST", "/auth/email/resend", Downstream.AUTH, user),
                Arguments.of("POST", "/billing/checkout", Downstream.AUTH, user),
                Arguments.of("GET", "/billing/subscription", Downstream.AUTH, user),
                Arguments.of("POST", "/billing/webhook", Downstream.AUTH, null),
                // An open route with the wrong method goes on too, so auth-service answers its 405 (not a 401 here).
                Arguments.of("GET", "/billing/webhook", Downstream.AUTH, null),
                Arguments.of("GET", "/auth/login", Downstream.AUTH, null),
                Arguments.of("DELETE", "/auth/sessions/42", Downstream.AUTH, user),
                Arguments.of("PUT", "/admin/users/" + USER + "/plan", Downstream.AUTH, admin),
                Arguments.of("PUT", "/admin/users/" + USER + "/age", Downstream.AUTH, admin),
                Arguments.of("POST", "/admin/characters/c1/takedown", Downstream.CHARACTER, admin),
                Arguments.of("POST", "/admin/characters/c1/restore", Downstream.CHARACTER, admin),
                Arguments.of("GET", "/admin/analytics/daily?from=2026-12-01", Downstream.ANALYTICS, admin),
                // A non-admin is passed on too: analytics-service answers 404 itself.
                Arguments.of("GET", "/admin/analytics/models", Downstream.ANALYTICS, user),
                Arguments.of("POST", "/characters", Downstream.CHARACTER, user),
                Arguments.of("GET", "/characters/mine", Downstream.CHARACTER, user),
                Arguments.of("GET", "/characters/public?q=luna&limit=5", Downstream.CHARACTER, null),
                Arguments.of("GET", "/characters/shared/abc123", Downstream.CHARACTER, null),
                Arguments.of("GET", "/characters/" + CHARACTER, Downstream.CHARACTER, null),
                Arguments.of("GET", "/characters/" + CHARACTER, Downstream.CHARACTER, user),
                Arguments.of("POST", "/characters/shared/abc123", Downstream.CHARACTER, user),
                Arguments.of("PUT", "/characters/c1", Downstream.CHARACTER, user),
                Arguments.of("POST", "/characters/c1/share", Downstream.CHARACTER, user),
                Arguments.of("DELETE", "/characters/c1/share-links/t1", Downstream.CHARACTER, user),
                Arguments.of("POST", "/sessions", Downstream.CHAT, user),
                Arguments.of("GET", "/sessions/s1/history?limit=10&before=m9", Downstream.CHAT, user),
                Arguments.of("DELETE", "/sessions/s1", Downstream.CHAT, user),
                Arguments.of("POST", "/chat/send", Downstream.CHAT, user),
                Arguments.of("POST", "/chat/regenerate", Downstream.CHAT, user),
                Arguments.of("POST", "/chat/continue", Downstream.CHAT, user),
                Arguments.of("PUT", "/sessions/s1/messages/m1", Downstream.CHAT, user),
                Arguments.of("POST", "/sessions/s1/messages/m1/select", Downstream.CHAT, user),
                Arguments.of("PATCH", "/sessions/s1", Downstream.CHAT, user),
                Arguments.of("GET", "/search/messages?q=stars", Downstream.CHAT, user),
                Arguments.of("GET", "/chat/usage", Downstream.CHAT, user),
                Arguments.of("GET", "/memories?character_id=c1", Downstream.CHAT, user),
                Arguments.of("POST", "/memories", Downstream.CHAT, user),
                Arguments.of("DELETE", "/memories/m1", Downstream.CHAT, user),
                Arguments.of("POST", "/reports", Downstream.CHAT, user),
                Arguments.of("GET", "/reports/r1", Downstream.CHAT, user),
                // A non-admin is passed on: chat-service answers 404 itself.
                Arguments.of("GET", "/admin/blocked-messages?category=S4", Downstream.CHAT, user),
                Arguments.of("GET", "/chat/requests/r1", Downstream.CHAT, user),
                Arguments.of("POST", "/media/upload", Downstream.MEDIA, user),
                Arguments.of("GET", "/media/m1", Downstream.MEDIA, user),
                Arguments.of("DELETE", "/media/m1", Downstream.MEDIA, user),
                Arguments.of("GET", "/ads/next?session_id=s1", Downstream.AD, user),
                Arguments.of("POST", "/ads/impressions", Downstream.AD, user));
    }

    @ParameterizedTest(name = "{0} {1} reaches {2}")
    @MethodSource("routes")
    void everyPublicPathReachesItsService(String method, String uri, StubService service, String token) {
        client.method(HttpMethod.valueOf(method))
                .uri(uri)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.service")
                .isEqualTo(service.name());

        Received received = service.next();
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        assertThat(received.method()).isEqualTo(method);
        assertThat(received.path()).isEqualTo(path);
        assertThat(received.query()).isEqualTo(uri.contains("?") ? uri.substring(uri.indexOf('?') + 1) : "");
        assertThat(received.header("Authorization")).isEqualTo(token == null ? null : "Bearer " + token);
        assertThat(received.header("X-Request-Id")).isNotBlank();
        assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(Downstream.noneReceivedAnything()).isTrue();
    }

    @Test
    void stripesWebhookReachesAuthWithItsSignatureAndNoToken() {
        client.post()
                .uri("/billing/webhook")
                .header("Stripe-Signature", "t=1700000000,v1=abc123")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\":\"evt_1\",\"type\":\"checkout.session.completed\"}")
                .exchange()
                .expectStatus()
                .isOk();

        Received received = Downstream.AUTH.next();
        assertThat(received.path()).isEqualTo("/billing/webhook");
        assertThat(received.header("Stripe-Signature")).isEqualTo("t=1700000000,v1=abc123");
    }

    @Test
    void spoofedIdentityHeadersNeverReachAService() {
        client.get()
                .uri("/sessions")
                .headers(h -> {
                    h.setBearerAuth(Tokens.valid(USER));
                    h.set("X-User-Id", UUID.randomUUID().toString());
                    h.set("X-User-Plan", "premium");
                    h.set("X-User-Roles", "admin");
                    h.set("x-user-is-adult", "true");
                    h.set("X-Forwarded-User", "admin");
                    h.set("X-Auth-Request-User", "admin");
                    h.set("X-Authenticated-Userid", "admin");
                    h.set("Remote-User", "admin");
                    h.set("X-Forwarded-For", "6.6.6.6");
                    h.set("Forwarded", "for=6.6.6.6");
                })
                .exchange()
                .expectStatus()
                .isOk();

        Received received = Downstream.CHAT.next();
        assertThat(received.headers().keySet())
                .noneMatch(name -> name.startsWith("x-user-")
                        || name.startsWith("x-auth-")
                        || name.startsWith("x-authenticated-")
                        || name.equals("x-forwarded-user")
                        || name.equals("remote-user")
                        || name.equals("forwarded"));
        assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(received.header("Authorization")).startsWith("Bearer ");
    }

    @Test
    void unknownPathIsANotFoundProblem() {
        client.get()
                .uri("/nothing/here?page=2")
                .headers(h -> h.setBearerAuth(Tokens.valid(USER)))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/not-found")
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.title")
                .isEqualTo("Not Found")
                .jsonPath("$.detail")
                .isNotEmpty()
                .jsonPath("$.instance")
                .isEqualTo("/nothing/here");
        assertThat(Downstream.noneReceivedAnything()).isTrue();
    }
}
