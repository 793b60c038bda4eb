package com.companion.gateway.auth;

import java.util.List;
import java.util.Locale;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Drops identity headers from every request the gateway forwards, HTTP and WebSocket alike.
 * Services read the caller from the verified token they receive (the Authorization header, or
 * the socket's {@code access_token}); the gateway adds no identity headers of its own.
 */
@Component
class IdentityHeadersFilter implements HttpHeadersFilter, Ordered {

    private final List<String> names;
    private final List<String> prefixes;

    IdentityHeadersFilter(IdentityHeadersProperties properties) {
        this.names =
                properties.names().stream().map(IdentityHeadersFilter::lower).toList();
        this.prefixes =
                properties.prefixes().stream().map(IdentityHeadersFilter::lower).toList();
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders filtered = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!isIdentity(lower(name))) {
                filtered.addAll(name, values);
            }
        });
        return filtered;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private boolean isIdentity(String name) {
        return names.contains(name) || prefixes.stream().anyMatch(name::startsWith);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
