package com.companion.worker.llm;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.http.HttpClient;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class LlmConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LlmConfiguration.class);

    /** Shut down without waiting for open streams: by then the consumer has stopped every generation. */
    @Bean(destroyMethod = "shutdownNow")
    HttpClient llmHttpClient(LlmProperties properties) {
        return HttpClient.newBuilder()
                .version(properties.httpVersion())
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    @Bean
    ModelRoster modelRoster(LlmProperties properties) {
        return new ModelRoster(properties.models(), properties.modelRecheckInterval(), System::nanoTime);
    }

    @Bean
    CircuitBreaker llmCircuitBreaker(LlmProperties properties, MeterRegistry meters) {
        LlmProperties.Circuit c = properties.circuit();
        CircuitBreaker circuit = CircuitBreaker.of(
                "llm-provider",
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(c.slidingWindowSize())
                        .minimumNumberOfCalls(c.minimumCalls())
                        .failureRateThreshold(c.failureRateThreshold())
                        .waitDurationInOpenState(c.waitInOpen())
                        .permittedNumberOfCallsInHalfOpenState(c.halfOpenCalls())
                        .build());
        circuit.getEventPublisher()
                .onStateTransition(event -> log.warn("LLM provider circuit: {}", event.getStateTransition()));
        Gauge.builder("worker.llm.circuit.state", circuit, cb -> switch (cb.getState()) {
                    case CLOSED -> 0;
                    case OPEN, FORCED_OPEN -> 1;
                    case HALF_OPEN -> 2;
                    default -> 3;
                })
                .description("LLM provider circuit breaker: 0 closed, 1 open, 2 half-open")
                .register(meters);
        return circuit;
    }

    @Bean
    LlmClient llmClient(
            HttpClient llmHttpClient,
            LlmProperties properties,
            ModelRoster modelRoster,
            CircuitBreaker llmCircuitBreaker,
            MeterRegistry meters,
            ObjectProvider<ObservationRegistry> observations) {
        if (!properties.hasApiKey()) {
            log.warn(
                    "no LLM API key is set (TOGETHER_API_KEY); {} will refuse requests unless it is the offline LLM",
                    properties.baseUrl());
        }
        log.info("LLM provider {}, models {}", properties.baseUrl(), properties.models());
        CompletionCall call = new CompletionCall(
                llmHttpClient,
                properties,
                JsonMapper.builder().build(),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        return new LlmClient(call, modelRoster, llmCircuitBreaker, properties.retry(), meters);
    }
}
