package com.companion.gateway.webapp;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The web client: static files from {@code classpath:webapp/} under {@code /app/}, never routed
 * to a service. {@code /app/} and the client's own pages (the mailed links, {@code
 * /app/verify-email?token=} and the like: paths without a dot) answer {@code index.html}, which
 * reads the path itself. Everything is revalidated on each load ({@code no-cache}), so a new
 * gateway serves the new client at once.
 */
@Configuration(proxyBeanMethods = false)
class WebAppConfiguration {

    static final String ROOT = "webapp/";

    @Bean
    RouterFunction<ServerResponse> webApp() {
        Resource index = new ClassPathResource(ROOT + "index.html");
        CacheControl revalidate = CacheControl.noCache();
        RouterFunction<ServerResponse> page = RouterFunctions.route(
                        GET("/app"),
                        request -> ServerResponse.permanentRedirect(URI.create("/app/"))
                                .build())
                .andRoute(
                        GET("/app/").or(GET("/app/{page:[a-z][a-z-]*}")),
                        request -> ServerResponse.ok()
                                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                                .cacheControl(revalidate)
                                .bodyValue(index));
        RouterFunction<ServerResponse> assets = RouterFunctions.resources("/app/**", new ClassPathResource(ROOT))
                .filter((request, next) -> {
                    request.exchange().getResponse().getHeaders().setCacheControl(revalidate);
                    return next.handle(request);
                });
        return page.and(assets);
    }
}
