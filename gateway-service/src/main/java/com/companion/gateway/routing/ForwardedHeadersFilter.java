package com.companion.gateway.routing;

import com.companion.gateway.web.ClientAddressFilter;
import java.net.URI;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells services who the client is in {@code X-Forwarded-For}: exactly one address, the one the
 * gateway decided (a client's own {@code X-Forwarded-For} is dropped by the gateway's
 * remove-forwarded filters, which run first). A service trusting one proxy hop reads it as the
 * client address.
 */
@Component
class ForwardedHeadersFilter implements HttpHeadersFilter, Ordered {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        headers.remove("Forwarded");
        headers.set("X-Forwarded-For", ClientAddressFilter.clientAddress(exchange));
        URI uri = exchange.getRequest().getURI();
        String scheme = uri.getScheme();
        if (scheme != null) {
            headers.set("X-Forwarded-Proto", scheme.equals("wss") ? "https" : scheme.equals("ws") ? "http" : scheme);
        }
        return headers;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
