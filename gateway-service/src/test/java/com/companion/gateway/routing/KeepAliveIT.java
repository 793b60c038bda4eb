package com.companion.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.gateway.support.GatewayTest;
import com.companion.gateway.support.RawHttp;
import com.companion.gateway.support.RawHttp.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clients and ingresses keep connections to the gateway alive. Reactor Netty 1.3.6 sometimes
 * left a request on a kept-alive connection unanswered when the previous one was still
 * terminating (reactor/reactor-netty#4188, #4361), mostly after the gateway's own health
 * answers; the gateway pins a Reactor Netty with the fix.
 */
class KeepAliveIT extends GatewayTest {

    private static final Duration BOUND = Duration.ofSeconds(3);
    private static final int ROUNDS = 60;
    private static final List<String> PATHS =
            List.of("/actuator/health/readiness", "/actuator/health", "/characters/public");

    @Test
    void aKeptAliveConnectionAnswersEveryRequestWhenLocalAndProxiedAnswersAlternate() {
        warmUp();
        try (RawHttp connection = RawHttp.connect(port, BOUND)) {
            for (int round = 0; round < ROUNDS; round++) {
                for (String path : PATHS) {
                    assertAnswered(connection, path);
                }
            }
        }
    }

    /**
     * The first answers of a fresh gateway can be slow (class loading, JIT); that is not what is
     * measured. A connection per request, so the warm-up cannot hit the race itself.
     */
    private void warmUp() {
        for (String path : PATHS) {
            try (RawHttp fresh = RawHttp.connect(port, Duration.ofSeconds(30))) {
                assertThat(fresh.get(path).status()).as(path).isEqualTo(200);
            }
        }
    }

    private static void assertAnswered(RawHttp connection, String path) {
        long started = System.nanoTime();
        Response response = connection.get(path);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as(path).isLessThan(BOUND);
        assertThat(response.status()).as(path).isEqualTo(200);
        assertThat(response.header("Connection")).as(path).isNotEqualToIgnoringCase("close");
    }
}
