package com.companion.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.gateway.support.Downstream;
import com.companion.gateway.support.GatewayTest;
import com.companion.gateway.support.Tokens;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class FailureIT extends GatewayTest {

    private static final UUID USER = UUID.randomUUID();

    @Test
    void aStoppedServiceGivesAQuick503ProblemAndTheGatewayStaysReady() {
        Downstream.MEDIA.stop();
        try {
            long started = System.nanoTime();
            client.get()
                    .uri("/media/m1")
                    .headers(h -> h.setBearerAuth(Tokens.valid(USER)))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .exists("Retry-After")
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("/problems/service-unavailable")
                    .jsonPath("$.detail")
                    .value(detail -> assertThat((String) detail).doesNotContain("127.0.0.1", "Exception"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));

            client.get()
                    .uri("/actuator/health/downstream")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("DEGRADED")
                    .jsonPath("$.components.services.components.media.status")
                    .isEqualTo("DEGRADED")
                    .jsonPath("$.components.services.components.chat.status")
                    .isEqualTo("UP");
            client.get()
                    .uri("/actuator/health/readiness")
                    .exchange()
                    .expectStatus()
                    .isOk();
            client.get()
                    .uri("/actuator/health")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("UP");
        } finally {
            Downstream.MEDIA.restart();
        }
        client.get()
                .uri("/actuator/health/downstream")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeGivesA504Problem() {
        client.get()
                .uri("/sessions/slow")
                .headers(h -> h.setBearerAuth(Tokens.valid(USER)))
                .exchange()
                .expectStatus()
                .isEqualTo(504)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/upstream-timeout");
    }
}
