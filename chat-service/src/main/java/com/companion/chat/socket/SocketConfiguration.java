package com.companion.chat.socket;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableScheduling
class SocketConfiguration implements WebSocketConfigurer {

    private final ChatSocketHandler handler;

    SocketConfiguration(ChatSocketHandler handler) {
        this.handler = handler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // Browsers send an Origin; the gateway enforces CORS, and sockets authenticate by token, not cookie.
        registry.addHandler(handler, "/ws").setAllowedOriginPatterns("*");
    }
}
