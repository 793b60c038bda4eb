package com.companion.gateway.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses bodies over the limit with a 413 problem: a declared {@code Content-Length} before
 * anything is forwarded, a chunked body as soon as the bytes streamed through pass the limit.
 */
@Component
public class BodyLimitFilter implements WebFilter, Ordered {

    private final long defaultMax;
    private final long uploadMax;
    private final List<PathPattern> uploadPaths;

    public BodyLimitFilter(BodyLimitProperties properties) {
        this.defaultMax = properties.defaultMax().toBytes();
        this.uploadMax = properties.uploadMax().toBytes();
        this.uploadPaths = properties.uploadPaths().stream()
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        PathContainer path = request.getPath().pathWithinApplication();
        long max = uploadPaths.stream().anyMatch(p -> p.matches(path)) ? uploadMax : defaultMax;
        if (request.getHeaders().getContentLength() > max) {
            return Problems.write(exchange, tooLarge(max));
        }
        ServerHttpRequest limited = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> {
                    AtomicLong seen = new AtomicLong();
                    return super.getBody().map(buffer -> {
                        if (seen.addAndGet(buffer.readableByteCount()) > max) {
                            DataBufferUtils.release(buffer);
                            throw tooLarge(max);
                        }
                        return buffer;
                    });
                });
            }
        };
        return chain.filter(exchange.mutate().request(limited).build());
    }

    private static GatewayProblem tooLarge(long max) {
        return new GatewayProblem(
                HttpStatus.CONTENT_TOO_LARGE,
                "too-large",
                "The request body is larger than the " + max / 1024 + " KiB allowed here.");
    }
}
