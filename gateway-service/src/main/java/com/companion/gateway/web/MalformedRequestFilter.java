package com.companion.gateway.web;

import io.netty.channel.ChannelPipeline;
import java.util.Map;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Puts the {@link RequestTargetGuard} into every connection's pipeline, and answers the requests
 * it marked: 414 {@code uri-too-long} for a request line over {@code gateway.request-line.max-length}
 * and 400 {@code bad-request} for a target that is not a URI, before the token check, the rate
 * limits or any route. Runs after the request id and security header filters, so these problems
 * carry both like every other.
 */
@Component
public class MalformedRequestFilter implements WebFilter, NettyServerCustomizer, Ordered {

    private final long maxLineLength;
    private final RequestTargetGuard guard;

    public MalformedRequestFilter(RequestLineProperties properties) {
        this.maxLineLength = properties.maxLength().toBytes();
        this.guard = new RequestTargetGuard(Math.toIntExact(maxLineLength));
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, RequestTargetGuard.NAME, guard);
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 4;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String refusal = exchange.getRequest().getHeaders().getFirst(RequestTargetGuard.REFUSAL_HEADER);
        if (refusal == null) {
            return chain.filter(exchange);
        }
        String tooLong =
                "The request line (method, path and query) is longer than the " + maxLineLength + " bytes allowed.";
        return switch (refusal) {
            case RequestTargetGuard.BAD_TARGET ->
                Problems.write(
                        exchange,
                        HttpStatus.BAD_REQUEST,
                        "bad-request",
                        "The request URI is malformed: a % must start an escape of two hex digits, and spaces,"
                                + " quotes, < > { } | \\ ^ ` must be percent-encoded.");
            case RequestTargetGuard.TOO_LONG ->
                Problems.write(exchange, HttpStatus.URI_TOO_LONG, "uri-too-long", tooLong);
            // The line was not read to its end: there is no path to name.
            case RequestTargetGuard.TOO_LONG_UNREAD ->
                Problems.write(
                        exchange, HttpStatus.URI_TOO_LONG, "uri-too-long", tooLong, headers -> {}, Map.of(), null);
            default -> chain.filter(exchange);
        };
    }
}
