package com.companion.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.gateway.support.GatewayTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * A known fault, kept as its reproduction: on one kept-alive connection, alternating
 * {@code /actuator/health/readiness} and {@code /actuator/health} leaves a few requests in 150 rounds
 * unanswered. What is known:
 * <ul>
 *   <li>the stalled request is the root {@code /actuator/health}: the actuator's handler itself never
 *       completes (a WebFilter at the lowest precedence sees it cancelled only when the client gives up);
 *   <li>its downstream checks ({@code DownstreamHealthConfiguration}) were subscribed but neither
 *       answered nor hit their 1 s {@code timeout} within 3 s;
 *   <li>it happens with and without OpenTelemetry, with automatic context propagation off, with the
 *       stub services on event loops of their own, and never on fresh connections.
 * </ul>
 * Next step: find what keeps the 1 s timeout from firing (a stuck {@code parallel} worker, or the
 * checks' client sharing the event loop of the request). Remove {@code @Disabled} to reproduce (about a
 * minute).
 */
@Disabled("known fault: a request on a kept-alive gateway connection sometimes stalls after a health answer")
class KeepAliveStallIT extends GatewayTest {

    @Test
    void everyRequestOnAKeptAliveConnectionIsAnswered() throws Exception {
        int unanswered = 0;
        try (HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            for (int i = 0; i < 150; i++) {
                for (String path : new String[] {"/actuator/health/readiness", "/actuator/health"}) {
                    try {
                        http.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                        .timeout(Duration.ofSeconds(3))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                    } catch (HttpTimeoutException e) {
                        unanswered++;
                    }
                }
            }
        }
        assertThat(unanswered).isZero();
    }
}
