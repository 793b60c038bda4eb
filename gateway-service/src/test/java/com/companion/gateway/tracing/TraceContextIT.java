package com.companion.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.gateway.support.Downstream;
import com.companion.gateway.support.GatewayTest;
import com.companion.gateway.support.StubService.Received;
import com.companion.gateway.support.Tokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;

/** The gateway starts the trace of every public request and does not let a client choose it. */
@AutoConfigureTracing
class TraceContextIT extends GatewayTest {

    private static final String CLIENT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void aRequestReachesItsServiceInATraceTheGatewayStarted() {
        Received received = send(null);

        assertThat(received.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void aClientsTraceContextIsReplacedNotContinued() {
        Received received = send("00-" + CLIENT_TRACE + "-00f067aa0ba902b7-01");

        assertThat(received.header("traceparent"))
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
                .doesNotContain(CLIENT_TRACE);
        assertThat(received.header("tracestate")).isNull();
        assertThat(received.header("baggage")).isNull();
    }

    private Received send(String traceparent) {
        client.get()
                .uri("/sessions")
                .headers(h -> {
                    h.setBearerAuth(Tokens.valid(UUID.randomUUID()));
                    if (traceparent != null) {
                        h.set("traceparent", traceparent);
                        h.set("tracestate", "vendor=client");
                        h.set("baggage", "user.id=someone-else");
                    }
                })
                .exchange()
                .expectStatus()
                .isOk();
        return Downstream.CHAT.next();
    }
}
