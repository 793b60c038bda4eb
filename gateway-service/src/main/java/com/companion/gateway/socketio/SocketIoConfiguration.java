package com.companion.gateway.socketio;

import com.companion.gateway.ratelimit.SocketBudget;
import com.companion.gateway.routing.RoutesProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.server.WebsocketServerSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves Socket.IO at {@code /socket.io/} ahead of the gateway's routes, for clients written to
 * the seed spec's realtime protocol (namespace {@code /chat}).
 */
@Configuration(proxyBeanMethods = false)
class SocketIoConfiguration {

    /** Before the gateway's route mapping (order 1) and WebFlux's own mappings. */
    private static final int ORDER = -2;

    /** chat-service's frames (a whole reply in {@code assistant_done}) may be larger than a client's. */
    private static final int MAX_UPSTREAM_FRAME = 1024 * 1024;

    @Bean
    EngineSessions engineSessions(SocketIoProperties properties, ObjectProvider<MeterRegistry> meters) {
        EngineSessions sessions = new EngineSessions(properties);
        meters.ifAvailable(registry -> Gauge.builder("gateway.socketio.sessions", sessions, EngineSessions::size)
                .description("Socket.IO sessions open on this instance")
                .register(registry));
        return sessions;
    }

    @Bean
    SimpleUrlHandlerMapping socketIoHandlerMapping(
            EngineSessions sessions,
            SocketIoProperties properties,
            RoutesProperties routes,
            ReactiveJwtDecoder jwtDecoder,
            ObjectProvider<SocketBudget> socketBudget,
            JsonMapper json) {
        HttpClient http = HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                properties.upstreamConnectTimeout().toMillis());
        ChatUpstream upstream = new ChatUpstream(
                new ReactorNettyWebSocketClient(
                        http, () -> WebsocketClientSpec.builder().maxFramePayloadLength(MAX_UPSTREAM_FRAME)),
                routes.chat(),
                properties.upstreamConnectTimeout());
        SocketBudget budget = socketBudget.getIfAvailable();
        Function<String, Mono<Long>> connectionBudget = budget == null ? user -> Mono.just(0L) : budget::spend;
        HandshakeWebSocketService webSockets = new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy(
                () -> WebsocketServerSpec.builder().maxFramePayloadLength(properties.maxPayload())));
        webSockets.start();
        SocketIoHandler handler = new SocketIoHandler(
                sessions,
                properties,
                webSockets,
                json,
                (session, scheme) ->
                        new ChatNamespace(session, scheme, json, jwtDecoder, upstream, connectionBudget, properties));
        return new SimpleUrlHandlerMapping(Map.of("/socket.io/", handler, "/socket.io", handler), ORDER);
    }
}
