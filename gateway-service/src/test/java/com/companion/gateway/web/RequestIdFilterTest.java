package com.companion.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class RequestIdFilterTest {

    private final RequestIdFilter filter = new RequestIdFilter();

    @BeforeEach
    void propagate() {
        Hooks.enableAutomaticContextPropagation();
    }

    @AfterEach
    void stop() {
        Hooks.disableAutomaticContextPropagation();
    }

    @Test
    void theRequestIdIsInTheLoggingContextOnWhicheverThreadTheRequestContinues() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/sessions").header("X-Request-Id", "abc-123"));
        AtomicReference<String> forwarded = new AtomicReference<>();
        AtomicReference<String> logged = new AtomicReference<>();

        filter.filter(
                        exchange,
                        next -> Mono.delay(java.time.Duration.ofMillis(1))
                                .publishOn(Schedulers.boundedElastic())
                                .doOnNext(tick -> {
                                    forwarded.set(next.getRequest().getHeaders().getFirst("X-Request-Id"));
                                    logged.set(MDC.get("request_id"));
                                })
                                .then())
                .block();

        assertThat(forwarded.get()).isEqualTo("abc-123");
        assertThat(logged.get()).isEqualTo("abc-123");
        assertThat(exchange.getResponse().getHeaders().getFirst("X-Request-Id")).isEqualTo("abc-123");
    }
}
