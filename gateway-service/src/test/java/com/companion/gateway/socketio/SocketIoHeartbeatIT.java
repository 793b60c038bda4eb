package com.companion.gateway.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The heartbeat of a session that starts on polling, as {@code socket.io-client} does by default: the server pings it
 * as it pings a WebSocket-only session, and a client that answers stays connected. Without pings the client gives up
 * after pingInterval + pingTimeout and reconnects.
 */
@TestPropertySource(properties = {"gateway.socket-io.ping-interval=400ms", "gateway.socket-io.ping-timeout=300ms"})
class SocketIoHeartbeatIT extends GatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aPollingSessionIsPingedAndStaysWhileItAnswers() {
        String handshake = get("/socket.io/?EIO=4&transport=polling");
        assertThat(handshake).startsWith("0{");
        String sid = JSON.readTree(handshake.substring(1)).get("sid").asString();

        for (int beat = 0; beat < 3; beat++) {
            assertThat(get("/socket.io/?EIO=4&transport=polling&sid=" + sid))
                    .as("the long poll is answered with a ping, beat %d", beat)
                    .isEqualTo("2");
            client.post()
                    .uri("/socket.io/?EIO=4&transport=polling&sid=" + sid)
                    .contentType(MediaType.TEXT_PLAIN)
                    .bodyValue("3")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }

    private String get(String uri) {
        return client.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
