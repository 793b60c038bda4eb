package com.companion.gateway.docs;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import com.companion.gateway.routing.RoutesProperties;
import com.companion.gateway.web.GatewayProblem;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder.Builder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Swagger UI at {@code /docs} over every service's OpenAPI description: each service
 * publishes its own at {@code /v3/api-docs}, proxied here as {@code /docs/<service>/v3/api-docs}
 * (the UI's list is {@code springdoc.swagger-ui.urls}). A service describes itself at its own
 * address; the copy served here names the gateway as the server instead, so "Try it out" goes
 * through the gateway like any client. Only a description is edited so: when the service answers
 * with an error (a 404 from a service that publishes none), the gateway answers a problem of its
 * own, 404 {@code not-found} or 502 {@code bad-gateway}, rather than the service's error page
 * with {@code servers} added and labelled {@code application/json}.
 *
 * <p>The events have no OpenAPI description: their AsyncAPI document (from {@code
 * platform/contracts}, checked there against the event records) is served as it is at {@code
 * /docs/asyncapi.yaml}, for consumers outside the Java code. It is read at start-up, so a gateway
 * built without it does not start.
 */
@Configuration(proxyBeanMethods = false)
class DocsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DocsConfiguration.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ASYNCAPI = "asyncapi/asyncapi.yaml";
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    @Bean
    RouteLocator docsRoutes(RouteLocatorBuilder builder, RoutesProperties services) {
        Builder routes = builder.routes();
        services.services()
                .forEach((name, uri) -> routes.route(
                        "docs-" + name,
                        r -> r.path("/docs/" + name + "/v3/api-docs")
                                .filters(f -> f.setPath("/v3/api-docs")
                                        .modifyResponseBody(
                                                String.class,
                                                String.class,
                                                MediaType.APPLICATION_JSON_VALUE,
                                                (exchange, body) -> description(name, exchange, body)))
                                .uri(uri)));
        return routes.build();
    }

    @Bean
    RouterFunction<ServerResponse> asyncApiDocument() throws IOException {
        byte[] document = new ClassPathResource(ASYNCAPI).getContentAsByteArray();
        return RouterFunctions.route(
                GET("/docs/asyncapi.yaml"),
                request -> ServerResponse.ok().contentType(YAML).bodyValue(document));
    }

    private static Mono<String> description(String service, ServerWebExchange exchange, String body) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        if (status != null && !status.is2xxSuccessful()) {
            log.warn("{}-service answered {} for its API description", service, status.value());
            // Before anything is written: the error handler answers the problem.
            return Mono.error(
                    status.value() == HttpStatus.NOT_FOUND.value()
                            ? new GatewayProblem(
                                    HttpStatus.NOT_FOUND,
                                    "not-found",
                                    service + "-service publishes no API description.")
                            : new GatewayProblem(
                                    HttpStatus.BAD_GATEWAY,
                                    "bad-gateway",
                                    service + "-service did not give its API description."));
        }
        return Mono.justOrEmpty(body).map(DocsConfiguration::servedByGateway);
    }

    static String servedByGateway(String description) {
        try {
            JsonNode tree = JSON.readTree(description);
            if (tree instanceof ObjectNode document) {
                document.set("servers", JSON.valueToTree(List.of(Map.of("url", "/"))));
                return JSON.writeValueAsString(document);
            }
        } catch (RuntimeException notJson) {
            // Not a JSON description (an error page): pass it on as it came.
        }
        return description;
    }
}
