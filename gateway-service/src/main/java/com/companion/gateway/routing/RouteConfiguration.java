package com.companion.gateway.routing;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import java.net.URI;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public API of API.md, path by path, to the service that owns it. Paths are forwarded as
 * they are. Every route has the client's connect and response timeouts except the streams
 * (SSE and the socket), which stay open as long as the conversation does, and the blocking send,
 * which waits for chat-service's own wait limit.
 */
@Configuration(proxyBeanMethods = false)
class RouteConfiguration {

    private static final long NO_TIMEOUT = -1;

    @Bean
    RouteLocator apiRoutes(RouteLocatorBuilder builder, RoutesProperties services) {
        return builder.routes()
                // Character moderation (takedown, restore) belongs to character-service; reports, the moderation audit
                // and what the input guard refused to chat-service; analytics to analytics-service; other admin paths
                // to auth.
                .route(
                        "admin-characters",
                        r -> r.order(-1).path("/admin/characters/**").uri(services.character()))
                .route(
                        "admin-analytics",
                        r -> r.order(-1).path("/admin/analytics/**").uri(services.analytics()))
                .route(
                        "admin-blocked-messages",
                        r -> r.order(-1)
                                .path("/admin/blocked-messages", "/admin/reports", "/admin/reports/**", "/admin/audit")
                                .uri(services.chat()))
                .route(
                        "auth",
                        r -> r.path("/auth/**", "/admin/**", "/billing/**").uri(services.auth()))
                .route("characters", r -> r.path("/characters/**").uri(services.character()))
                .route(
                        "chat-stream",
                        r -> r.order(-1)
                                .path("/chat/stream")
                                .metadata(RESPONSE_TIMEOUT_ATTR, NO_TIMEOUT)
                                .uri(services.chat()))
                // Everything that waits for a reply: a send, a regeneration, a continuation, an edited message.
                .route(
                        "chat-send",
                        r -> r.order(-1)
                                .path("/chat/send", "/chat/regenerate", "/chat/continue")
                                .metadata(
                                        RESPONSE_TIMEOUT_ATTR,
                                        services.chatSendTimeout().toMillis())
                                .uri(services.chat()))
                .route(
                        "chat-edit",
                        r -> r.order(-1)
                                .method(HttpMethod.PUT)
                                .and()
                                .path("/sessions/*/messages/*")
                                .metadata(
                                        RESPONSE_TIMEOUT_ATTR,
                                        services.chatSendTimeout().toMillis())
                                .uri(services.chat()))
                .route(
                        "chat",
                        r -> r.path("/sessions/**", "/chat/**", "/search/**", "/memories/**", "/reports", "/reports/*")
                                .uri(services.chat()))
                .route(
                        "chat-socket",
                        r -> r.path("/ws")
                                .metadata(RESPONSE_TIMEOUT_ATTR, NO_TIMEOUT)
                                .uri(webSocket(services.chat())))
                .route("media", r -> r.path("/media/**").uri(services.media()))
                .route("ads", r -> r.path("/ads/**").uri(services.ad()))
                .build();
    }

    static URI webSocket(URI http) {
        String scheme = "https".equalsIgnoreCase(http.getScheme()) ? "wss" : "ws";
        return UriComponentsBuilder.fromUri(http).scheme(scheme).build().toUri();
    }
}
