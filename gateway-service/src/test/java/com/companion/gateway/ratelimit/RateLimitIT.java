package com.companion.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.gateway.support.Downstream;
import com.companion.gateway.support.MutableClock;
import com.companion.gateway.support.Tokens;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gateway.rate-limit.rules.login.limit=3",
            "gateway.rate-limit.rules.chat-send.limit=2",
            "gateway.rate-limit.user-default.limit=5",
            "gateway.client-address.trusted-proxies=127.0.0.1, ::1"
        })
class RateLimitIT {

    private static final MutableClock CLOCK = new MutableClock();

    @TestConfiguration
    static class Time {
        @Bean
        MutableClock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry registry) {
        Downstream.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    WebTestClient client;

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        Downstream.forgetAll();
    }

    @Test
    void loginIsLimitedPerClientAddressAndRecoversAfterTheWindow() {
        String address = "203.0.113.7";
        login(address).expectStatus().isOk().expectHeader().valueEquals("RateLimit-Remaining", "2");
        login(address).expectStatus().isOk().expectHeader().valueEquals("RateLimit-Remaining", "1");
        login(address)
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("RateLimit-Limit", "3")
                .expectHeader()
                .valueEquals("RateLimit-Remaining", "0")
                .expectHeader()
                .valueEquals("RateLimit-Policy", "3;w=60");

        login(address)
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .value(
                        "Retry-After",
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L))
                .expectHeader()
                .valueEquals("RateLimit-Remaining", "0")
                .expectHeader()
                .exists("RateLimit-Reset")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/rate-limited")
                .jsonPath("$.status")
                .isEqualTo(429)
                .jsonPath("$.instance")
                .isEqualTo("/auth/login");
        for (int i = 0; i < 3; i++) {
            assertThat(Downstream.AUTH.next().path()).isEqualTo("/auth/login");
        }
        assertThat(Downstream.AUTH.receivedNothing()).isTrue();

        login("203.0.113.8").expectStatus().isOk();

        clock.advance(Duration.ofSeconds(61));
        login(address).expectStatus().isOk().expectHeader().valueEquals("RateLimit-Remaining", "2");
    }

    @Test
    void ipv6ClientsShareOneBudgetPerSlash64() {
        login("2001:db8:7:1::a").expectStatus().isOk().expectHeader().valueEquals("RateLimit-Remaining", "2");
        login("[2001:db8:7:1:ffff::b]:4711")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("RateLimit-Remaining", "1");
        login("2001:db8:7:1:1234:5678:9abc:def0").expectStatus().isOk();
        login("2001:db8:7:1::c").expectStatus().isEqualTo(429);

        login("2001:db8:7:2::a").expectStatus().isOk().expectHeader().valueEquals("RateLimit-Remaining", "2");
    }

    @Test
    void chatSendsAreLimitedPerUserWithABudgetOfTheirOwn() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();

        send(alice).expectStatus().isOk();
        send(alice).expectStatus().isOk();
        send(alice).expectStatus().isEqualTo(429);

        send(bob).expectStatus().isOk();
        client.get()
                .uri("/sessions")
                .headers(h -> h.setBearerAuth(Tokens.valid(alice)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("RateLimit-Limit", "5");

        clock.advance(Duration.ofSeconds(61));
        send(alice).expectStatus().isOk();
    }

    @Test
    void aClaimedIdentityDoesNotBuyAFreshBudget() {
        UUID carol = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            sessions(carol, UUID.randomUUID()).expectStatus().isOk();
        }
        sessions(carol, UUID.randomUUID()).expectStatus().isEqualTo(429);
    }

    @Test
    void operationsAreNeverLimited() {
        for (int i = 0; i < 8; i++) {
            client.get()
                    .uri("/actuator/health/liveness")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }

    private ResponseSpec login(String clientAddress) {
        return client.post()
                .uri("/auth/login")
                .header("X-Forwarded-For", clientAddress)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"identifier\":\"a\",\"password\":\"b\"}")
                .exchange();
    }

    private ResponseSpec send(UUID user) {
        return client.post()
                .uri("/chat/send")
                .headers(h -> h.setBearerAuth(Tokens.valid(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"session_id\":\"s1\",\"message\":\"hi\"}")
                .exchange();
    }

    private ResponseSpec sessions(UUID user, UUID claimed) {
        return client.get()
                .uri("/sessions")
                .headers(h -> {
                    h.setBearerAuth(Tokens.valid(user));
                    h.set("X-User-Id", claimed.toString());
                })
                .exchange();
    }
}
