package com.companion.gateway.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Metrics are for the scraper on the internal network, not for the public the gateway faces.
 *
 * <p>The gate looks at the path the way a router might: each segment percent-decoded and without
 * its {@code ;parameters} (as Spring's path matching sees it), empty and {@code .} segments
 * dropped, {@code ..} applied, in any case. Comparing the raw path would let {@code
 * /actuator/prometheu%73} through, which the actuator endpoint serves. Closing a few spellings
 * nothing routes costs nothing; missing one that something routes exposes the metrics.
 */
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
        if (!isMetricsPath(exchange.getRequest().getPath())
                || allowed.contains(ClientAddressFilter.clientAddress(exchange))) {
            return chain.filter(exchange);
        }
        return Problems.write(exchange, HttpStatus.NOT_FOUND, "not-found", "No resource at this path.");
    }

    static boolean isMetricsPath(RequestPath path) {
        Deque<String> segments = new ArrayDeque<>();
        for (PathContainer.Element element : path.pathWithinApplication().elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                for (String part : segment.valueToMatch().split("/", -1)) {
                    switch (part) {
                        case "", "." -> {}
                        case ".." -> segments.pollLast();
                        default -> segments.addLast(part.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        Iterator<String> it = segments.iterator();
        return it.hasNext()
                && it.next().equals("actuator")
                && it.hasNext()
                && it.next().equals("prometheus");
    }
}
