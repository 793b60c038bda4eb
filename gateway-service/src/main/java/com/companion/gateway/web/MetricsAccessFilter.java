package com.companion.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Metrics are for the scraper on the internal network, not for the public the gateway faces. */
@Component
public class MetricsAccessFilter implements WebFilter, Ordered {

    private final IpRanges allowed;

    public MetricsAccessFilter(MetricsAccessProperties properties) {
        this.allowed = new IpRanges(properties.allowedFrom());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 3;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/actuator/prometheus")
                || isAllowed(ClientAddressFilter.clientAddress(exchange))) {
            return chain.filter(exchange);
        }
        return Problems.write(exchange, HttpStatus.NOT_FOUND, "not-found", "No resource at this path.");
    }

    private boolean isAllowed(String address) {
        return allowed.contains(address);
    }
}
