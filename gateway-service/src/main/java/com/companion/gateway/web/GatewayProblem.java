package com.companion.gateway.web;

import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * An error the gateway answers itself (413, 429, ...). The error handler turns it into an RFC
 * 9457 problem with {@code type} {@code /problems/<slug>}; {@code detail} is safe to show.
 */
public class GatewayProblem extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final transient Consumer<HttpHeaders> headers;
    private final transient Map<String, Object> properties;

    public GatewayProblem(
            HttpStatus status,
            String slug,
            String detail,
            Consumer<HttpHeaders> headers,
            Map<String, Object> properties) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.headers = headers;
        this.properties = Map.copyOf(properties);
    }

    public GatewayProblem(HttpStatus status, String slug, String detail, Consumer<HttpHeaders> headers) {
        this(status, slug, detail, headers, Map.of());
    }

    public GatewayProblem(HttpStatus status, String slug, String detail) {
        this(status, slug, detail, h -> {});
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public void addHeaders(HttpHeaders target) {
        headers.accept(target);
    }
}
