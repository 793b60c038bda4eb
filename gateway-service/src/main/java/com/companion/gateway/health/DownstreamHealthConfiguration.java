package com.companion.gateway.health;

import com.companion.gateway.routing.RoutesProperties;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;

/**
 * The health of each service behind the gateway, under the {@code services} component. A
 * service that is down reports {@code DEGRADED}, not {@code DOWN}: the gateway itself still
 * works (other routes answer, and a route to a missing service answers 503), so its own health
 * and readiness must not flap with a service's. {@code DEGRADED} ranks below {@code UP} in the
 * overall status and above it in the {@code downstream} group, which answers 503 then (see
 * application.yml).
 */
@Configuration(proxyBeanMethods = false)
class DownstreamHealthConfiguration {

    static final Status DEGRADED = new Status("DEGRADED");

    @Bean
    CompositeReactiveHealthContributor services(RoutesProperties routes, DownstreamHealthProperties properties) {
        HttpClient http = HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                properties.timeout().toMillis());
        WebClient client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .build();
        Map<String, ReactiveHealthIndicator> services = new LinkedHashMap<>();
        routes.services().forEach((name, uri) -> services.put(name, indicator(client, uri, properties)));
        return CompositeReactiveHealthContributor.fromMap(services);
    }

    private static ReactiveHealthIndicator indicator(
            WebClient client, URI service, DownstreamHealthProperties properties) {
        URI health = UriComponentsBuilder.fromUri(service)
                .path("/actuator/health")
                .build()
                .toUri();
        return () -> client.get()
                .uri(health)
                .exchangeToMono(response -> response.bodyToMono(JsonNode.class)
                        .map(body -> body.path("status").asString("UNKNOWN"))
                        .defaultIfEmpty("UNKNOWN")
                        .map(status -> "UP".equals(status)
                                ? Health.up().build()
                                : Health.status(DEGRADED)
                                        .withDetail("status", status)
                                        .build()))
                .timeout(properties.timeout())
                .onErrorResume(error -> Mono.just(Health.status(DEGRADED)
                        .withDetail("error", error.getClass().getSimpleName())
                        .build()));
    }
}
