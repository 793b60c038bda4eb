package com.companion.gateway.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Decides once per request who the client is, for rate limits, logs, the metrics gate and the
 * {@code X-Forwarded-For} sent downstream. The peer address is the client unless the peer is a
 * trusted proxy; then {@code X-Forwarded-For} is read from the right, each entry vouched for by
 * the trusted proxy to its right, and the first entry that is not a trusted proxy is the client.
 *
 * <p>Entries left of the client were written by the client and are never used. When the walk
 * finds no client, because every entry is a trusted proxy or an entry is not an address ({@code
 * unknown}, an obfuscated identifier, a name), the client is the right-most entry, the address
 * the nearest proxy saw itself (the peer, if that entry is not an address). The entries further
 * left may be the caller's own writing (a caller inside a trusted range, or a balancer that
 * translates addresses without writing {@code X-Forwarded-For}), and a caller must not pick a
 * trusted address for itself: one the metrics gate lets in, or a fresh one per request to dodge
 * its budget. Ports ({@code 203.0.113.9:4711}, {@code [2001:db8::1]:4711}) are dropped and
 * addresses written canonically (RFC 5952), so one client has one address.
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
        if (trustedProxies.isEmpty() || !trustedProxies.contains(peer) || forwardedFor == null) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(value -> Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(hop -> !hop.isEmpty())
                .forEach(hops::add));
        String nearest = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = address(hops.get(i));
            if (hop.isEmpty()) {
                return nearest;
            }
            if (!trustedProxies.contains(hop.get())) {
                return IpRanges.text(hop.get());
            }
            if (i == hops.size() - 1) {
                nearest = IpRanges.text(hop.get());
            }
        }
        return nearest;
    }

    /** An {@code X-Forwarded-For} entry without its port, if it is an IP literal at all. */
    static Optional<InetAddress> address(String hop) {
        String address = hop;
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            address = close < 0 ? "" : address.substring(1, close);
        } else if (address.indexOf(':') > 0 && address.indexOf(':') == address.lastIndexOf(':')) {
            address = address.substring(0, address.indexOf(':'));
        }
        return IpRanges.literal(address);
    }

    private static String peer(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return UNKNOWN;
        }
        return IpRanges.text(remote.getAddress());
    }
}
