package com.companion.gateway.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problems the way the services do ({@code type} {@code /problems/<slug>},
 * {@code title}, {@code status}, {@code detail}, {@code instance}: the requested path, without
 * its query), plus the {@code request_id} of the exchange so a caller can quote it. Every problem
 * the gateway answers itself is written here.
 */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {}

    public static Mono<Void> write(ServerWebExchange exchange, GatewayProblem problem) {
        return write(
                exchange,
                problem.status(),
                problem.slug(),
                problem.detail(),
                problem::addHeaders,
                problem.properties());
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String detail) {
        return write(exchange, status, slug, detail, headers -> {});
    }

    public static Mono<Void> write(
            ServerWebExchange exchange, HttpStatus status, String slug, String detail, Consumer<HttpHeaders> headers) {
        return write(exchange, status, slug, detail, headers, Map.of());
    }

    public static Mono<Void> write(
            ServerWebExchange exchange,
            HttpStatus status,
            String slug,
            String detail,
            Consumer<HttpHeaders> headers,
            Map<String, Object> properties) {
        return write(
                exchange,
                status,
                slug,
                detail,
                headers,
                properties,
                exchange.getRequest().getPath().value());
    }

    /** With {@code instance} left out when it is null: a request whose path was never read. */
    static Mono<Void> write(
            ServerWebExchange exchange,
            HttpStatus status,
            String slug,
            String detail,
            Consumer<HttpHeaders> headers,
            Map<String, Object> properties,
            @Nullable String instance) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "/problems/" + slug);
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        body.putAll(properties);
        String requestId = RequestIdFilter.requestId(exchange);
        if (requestId != null) {
            body.put("request_id", requestId);
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setStatusCode(status);
        HttpHeaders responseHeaders = response.getHeaders();
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        responseHeaders.setContentLength(bytes.length);
        headers.accept(responseHeaders);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }
}
