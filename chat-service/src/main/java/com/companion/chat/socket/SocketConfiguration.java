package com.companion.chat.socket;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableScheduling
class SocketConfiguration implements WebSocketConfigurer {

    private final ChatSocketHandler handler;

    SocketConfiguration(ChatSocketHandler handler) {
        this.handler = handler;
    }

    /** Frames larger than this close the socket (1009) before any of it is parsed; the default leaves room for the
     * longest message in 4-byte characters. */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer(SocketProperties properties) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(properties.maxFrameBytes());
        container.setMaxBinaryMessageBufferSize(properties.maxFrameBytes());
        return container;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // Browsers send an Origin; the gateway enforces CORS, and sockets authenticate by token, not cookie.
        registry.addHandler(handler, "/ws").setAllowedOriginPatterns("*");
    }
}
