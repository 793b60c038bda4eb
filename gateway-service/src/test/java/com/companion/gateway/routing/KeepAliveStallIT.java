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
 * A known fault in Reactor Netty 1.3.6, kept as its reproduction: on one kept-alive connection,
 * alternating {@code /actuator/health/readiness} and {@code /actuator/health} leaves a few requests in
 * 150 rounds unanswered. The stalled request's own handler is cancelled by the server within
 * milliseconds of starting (its downstream health checks see the cancel 1-24 ms after they subscribe),
 * so nothing is ever written and the client waits. Seen with and without OpenTelemetry, with automatic
 * context propagation off, with the stubs on event loops of their own; never on fresh connections.
 * This matches reactor/reactor-netty#4188 and #4361: a keep-alive request that arrives while the
 * previous request's operations are still terminating inherits them, and is disposed with them.
 *
 * <p>Reported fixed upstream in September 2026, after 1.3.7. Reactor Netty 1.3.8 needs Netty 4.2.19,
 * whose native transports this machine's Maven repository does not serve, so the upgrade (and checking
 * that it cures this) waits. Remove {@code
 * @Disabled} after upgrading: this test should then pass (it takes about a minute).
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
