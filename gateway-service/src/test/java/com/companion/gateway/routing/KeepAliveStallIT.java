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
 * unanswered (also {@code /media/...} after a health request, in longer sequences). Seen with and
 * without OpenTelemetry, with automatic context propagation off and with the stubs on their own event
 * loops; never on fresh connections. Moving the downstream checks out of the request path did not cure
 * it, and a login then stalled in RateLimitIT: the gateway's own outbound calls seem involved. Not yet
 * root-caused; remove {@code @Disabled} to reproduce (about a minute).
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
