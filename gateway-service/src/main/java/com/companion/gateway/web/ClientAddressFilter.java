package com.companion.gateway.web;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Decides once per request who the client is, for rate limits, logs and the {@code
 * X-Forwarded-For} sent downstream. The peer address is the client unless the peer is a trusted
 * proxy; then {@code X-Forwarded-For} is read from the right, skipping trusted proxies, and the
 * first address that is not one is the client. Entries further left were written by the client
 * and cannot be trusted.
 */
@Component
public class ClientAddressFilter implements WebFilter, Ordered {

    private static final String ATTRIBUTE = ClientAddressFilter.class.getName();
    private static final String UNKNOWN = "unknown";

    private final IpRanges trustedProxies;

    public ClientAddressFilter(ClientAddressProperties properties) {
        this.trustedProxies = new IpRanges(properties.trustedProxies());
    }

    /** The client address of the exchange, as decided by this filter. */
    public static String clientAddress(ServerWebExchange exchange) {
        String address = exchange.getAttribute(ATTRIBUTE);
        return address != null ? address : peer(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes()
                .put(
                        ATTRIBUTE,
                        resolve(
                                peer(exchange),
                                exchange.getRequest().getHeaders().get("X-Forwarded-For")));
        return chain.filter(exchange);
    }

    String resolve(String peer, List<String> forwardedFor) {
        if (trustedProxies.isEmpty() || !isTrusted(peer) || forwardedFor == null) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(value -> Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(hop -> !hop.isEmpty())
                .forEach(hops::add));
        String candidate = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            candidate = hops.get(i);
            if (!isTrusted(candidate)) {
                return candidate.length() > 64 ? candidate.substring(0, 64) : candidate;
            }
        }
        return candidate;
    }

    private boolean isTrusted(String address) {
        return trustedProxies.contains(address);
    }

    private static String peer(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return UNKNOWN;
        }
        return remote.getAddress().getHostAddress();
    }
}
