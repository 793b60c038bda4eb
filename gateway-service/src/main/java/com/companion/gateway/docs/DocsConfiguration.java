package com.companion.gateway.docs;

import com.companion.gateway.routing.RoutesProperties;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder.Builder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Swagger UI at {@code /docs} over every service's OpenAPI description: each service
 * publishes its own at {@code /v3/api-docs}, proxied here as {@code /docs/<service>/v3/api-docs}
 * (the UI's list is {@code springdoc.swagger-ui.urls}). A service describes itself at its own
 * address; the copy served here names the gateway as the server instead, so "Try it out" goes
 * through the gateway like any client.
 */
@Configuration(proxyBeanMethods = false)
class DocsConfiguration {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
                                                (exchange, body) ->
                                                        Mono.justOrEmpty(body).map(DocsConfiguration::servedByGateway)))
                                .uri(uri)));
        return routes.build();
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
