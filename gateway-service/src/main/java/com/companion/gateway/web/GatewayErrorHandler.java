package com.companion.gateway.web;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Every error that reaches the gateway's web handler becomes a problem like the services'
 * answers: no route (404), a body too large (413), a service that refuses connections or cannot
 * be resolved (503), one that closes the connection mid-answer (502), one that is too slow
 * (504). Unexpected errors are logged with an id that the 500 answer carries; nothing internal
 * reaches the client. Runs before Boot's default handler.
 */
@Component
@Order(-2)
public class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        exchange.getResponse().getHeaders().clearContentHeaders();
        GatewayProblem problem = toProblem(exchange, error);
        return Problems.write(exchange, problem);
    }

    private GatewayProblem toProblem(ServerWebExchange exchange, Throwable error) {
        GatewayProblem known = causeOf(error, GatewayProblem.class);
        if (known != null) {
            return known;
        }
        if (causeOf(error, ConnectException.class) != null
                || causeOf(error, ConnectTimeoutException.class) != null
                || causeOf(error, UnknownHostException.class) != null
                || causeOf(error, NoRouteToHostException.class) != null) {
            log.warn("{} {}: service unavailable: {}", method(exchange), path(exchange), error.toString());
            return new GatewayProblem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "service-unavailable",
                    "The service behind this path is not available right now. Please try again shortly.",
                    headers -> headers.set(HttpHeaders.RETRY_AFTER, "5"));
        }
        if (causeOf(error, PrematureCloseException.class) != null) {
            log.warn("{} {}: connection closed by service: {}", method(exchange), path(exchange), error.toString());
            return new GatewayProblem(
                    HttpStatus.BAD_GATEWAY, "bad-gateway", "The service closed the connection before answering.");
        }
        if (causeOf(error, TimeoutException.class) != null || causeOf(error, ReadTimeoutException.class) != null) {
            return timeout(exchange);
        }
        if (error instanceof ResponseStatusException status) {
            return fromStatus(exchange, status.getStatusCode());
        }
        String errorId = UUID.randomUUID().toString();
        log.error("{} {}: unexpected error {}", method(exchange), path(exchange), errorId, error);
        return new GatewayProblem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "Something went wrong on our side. Please try again.",
                headers -> {},
                Map.of("error_id", errorId));
    }

    private GatewayProblem fromStatus(ServerWebExchange exchange, HttpStatusCode code) {
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return switch (status) {
            case NOT_FOUND -> new GatewayProblem(HttpStatus.NOT_FOUND, "not-found", "No resource at this path.");
            case GATEWAY_TIMEOUT -> timeout(exchange);
            case SERVICE_UNAVAILABLE ->
                new GatewayProblem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "service-unavailable",
                        "The service behind this path is not available right now. Please try again shortly.");
            case CONTENT_TOO_LARGE ->
                new GatewayProblem(
                        HttpStatus.CONTENT_TOO_LARGE, "too-large", "The request body is larger than allowed.");
            default -> new GatewayProblem(status, slug(status), status.getReasonPhrase() + ".");
        };
    }

    private GatewayProblem timeout(ServerWebExchange exchange) {
        log.warn("{} {}: service did not answer in time", method(exchange), path(exchange));
        return new GatewayProblem(
                HttpStatus.GATEWAY_TIMEOUT,
                "upstream-timeout",
                "The service did not answer in time. Please try again.");
    }

    private static String slug(HttpStatus status) {
        return status.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String method(ServerWebExchange exchange) {
        return exchange.getRequest().getMethod().name();
    }

    /** The path, and the request id: this handler runs outside the filters' logging context. */
    private static String path(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value() + " [" + RequestIdFilter.requestId(exchange) + "]";
    }

    private static <T extends Throwable> T causeOf(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
