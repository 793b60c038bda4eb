package com.companion.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Sets helmet's default security headers on every response, with {@code X-Frame-Options: DENY}
 * and a deny-all Content-Security-Policy for the API; the API docs UI and the web client under
 * {@code /app/} get policies that let them run. Values are set just before the response is committed, so they replace whatever a
 * service sent and the client sees one value of each.
 */
@Component
public class SecurityHeadersFilter implements WebFilter, Ordered {

    private final SecurityHeadersProperties properties;

    public SecurityHeadersFilter(SecurityHeadersProperties properties) {
        this.properties = properties;
    }

    public static boolean isDocs(String path) {
        return path.equals("/docs")
                || path.startsWith("/docs/")
                || path.startsWith("/webjars/")
                || path.startsWith("/swagger-ui/")
                || path.startsWith("/v3/api-docs");
    }

    public static boolean isWebApp(String path) {
        return path.equals("/app") || path.startsWith("/app/");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        String policy = isDocs(path)
                ? properties.docsContentSecurityPolicy()
                : isWebApp(path) ? properties.appContentSecurityPolicy() : properties.apiContentSecurityPolicy();
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            HttpHeaders headers = response.getHeaders();
            headers.set("Content-Security-Policy", policy);
            headers.set("Strict-Transport-Security", properties.strictTransportSecurity());
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Cross-Origin-Opener-Policy", "same-origin");
            headers.set("Cross-Origin-Resource-Policy", "same-origin");
            headers.set("Origin-Agent-Cluster", "?1");
            headers.set("X-DNS-Prefetch-Control", "off");
            headers.set("X-Download-Options", "noopen");
            headers.set("X-Permitted-Cross-Domain-Policies", "none");
            headers.set("X-XSS-Protection", "0");
            headers.remove("X-Powered-By");
            headers.remove("Server");
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
