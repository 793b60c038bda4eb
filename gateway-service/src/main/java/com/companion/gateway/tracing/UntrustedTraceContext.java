package com.companion.gateway.tracing;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.stereotype.Component;

/**
 * Drops the W3C trace context headers of incoming requests (see {@link TraceContextProperties}). It
 * decorates the whole HTTP handler, so it runs before the server observation reads them.
 */
@Component
@ConditionalOnProperty(name = "gateway.trace-context.trust-incoming", havingValue = "false", matchIfMissing = true)
class UntrustedTraceContext implements HttpHandlerDecoratorFactory {

    static final List<String> HEADERS = List.of("traceparent", "tracestate", "baggage");

    @Override
    public HttpHandler apply(HttpHandler handler) {
        return (request, response) -> {
            if (HEADERS.stream().noneMatch(request.getHeaders()::containsHeader)) {
                return handler.handle(request, response);
            }
            return handler.handle(
                    request.mutate().headers(h -> HEADERS.forEach(h::remove)).build(), response);
        };
    }
}
