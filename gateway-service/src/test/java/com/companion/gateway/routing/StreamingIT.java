package com.companion.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.companion.gateway.support.Downstream;
import com.companion.gateway.support.GatewayTest;
import com.companion.gateway.support.StubService.Received;
import com.companion.gateway.support.Tokens;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class StreamingIT extends GatewayTest {

    private static final UUID USER = UUID.randomUUID();

    /**
     * The stub sends the second event only after the client has seen the first: if the gateway
     * buffered the stream (or timed it out like a normal response), the first event would never
     * arrive and the test would time out.
     */
    @Test
    void anSseStreamPassesThroughEventByEvent() {
        Flux<ServerSentEvent<String>> events = WebClient.create("http://127.0.0.1:" + port)
                .post()
                .uri("/chat/stream")
                .headers(h -> h.setBearerAuth(Tokens.valid(USER)))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue("{\"session_id\":\"s1\",\"message\":\"hi\"}")
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<>() {});

        StepVerifier.create(events)
                .assertNext(first -> {
                    assertThat(first.event()).isEqualTo("token");
                    assertThat(first.data()).isEqualTo("first");
                    Downstream.CHAT.releaseStream();
                })
                .assertNext(second -> {
                    assertThat(second.event()).isEqualTo("done");
                    assertThat(second.data()).isEqualTo("second");
                })
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aWebSocketConversationPassesThroughWithTheTokenVerifiedAtTheEdge() {
        List<String> replies = new CopyOnWriteArrayList<>();
        HttpHeaders handshake = new HttpHeaders();
        handshake.set("X-User-Id", UUID.randomUUID().toString());
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws?access_token=" + Tokens.valid(USER));

        new ReactorNettyWebSocketClient()
                .execute(
                        uri,
                        handshake,
                        session -> session.send(Flux.just("hello", "again").map(session::textMessage))
                                .thenMany(session.receive()
                                        .map(WebSocketMessage::getPayloadAsText)
                                        .doOnNext(replies::add)
                                        .take(2))
                                .then())
                .block(Duration.ofSeconds(10));

        assertThat(replies).containsExactly("chat heard: hello", "chat heard: again");
        Received upgrade = Downstream.CHAT.next();
        assertThat(upgrade.path()).isEqualTo("/ws");
        assertThat(upgrade.query()).startsWith("access_token=");
        assertThat(upgrade.header("X-User-Id")).isNull();
        assertThat(upgrade.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void aSocketWithoutTokenIsLeftToAuthenticateWithItsFirstFrame() {
        List<String> replies = new CopyOnWriteArrayList<>();
        new ReactorNettyWebSocketClient()
                .execute(
                        URI.create("ws://127.0.0.1:" + port + "/ws"),
                        session -> session.send(Mono.just(session.textMessage("{\"type\":\"auth\"}")))
                                .thenMany(session.receive()
                                        .map(WebSocketMessage::getPayloadAsText)
                                        .doOnNext(replies::add)
                                        .take(1))
                                .then())
                .block(Duration.ofSeconds(10));

        assertThat(replies).containsExactly("chat heard: {\"type\":\"auth\"}");
    }

    @Test
    void aSocketWithABadTokenIsRefusedBeforeTheUpgrade() {
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws?access_token=" + Tokens.expired(USER));

        assertThatThrownBy(() -> new ReactorNettyWebSocketClient()
                        .execute(uri, session -> Mono.empty())
                        .block(Duration.ofSeconds(10)))
                .hasMessageContaining("401");
        assertThat(Downstream.noneReceivedAnything()).isTrue();
    }
}
