package com.companion.auth.support;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the service under test with JSON bodies and hands back status, headers and the parsed body. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String USER_AGENT = "CompanionTest/1.0";

    public record Reply(int status, JsonNode body, HttpHeaders headers) {

        public String text(String field) {
            return body.path(field).asString();
        }

        public JsonNode at(String pointer) {
            return body.at(pointer);
        }
    }

    private final RestTestClient http;

    public Api(RestTestClient http) {
        this.http = http;
    }

    public Reply post(String path, Object body) {
        return call(HttpMethod.POST, path, body, null, Map.of());
    }

    public Reply post(String path, Object body, String token) {
        return call(HttpMethod.POST, path, body, token, Map.of());
    }

    public Reply get(String path, String token) {
        return call(HttpMethod.GET, path, null, token, Map.of());
    }

    public Reply patch(String path, Object body, String token) {
        return call(HttpMethod.PATCH, path, body, token, Map.of());
    }

    public Reply put(String path, Object body, String token) {
        return call(HttpMethod.PUT, path, body, token, Map.of());
    }

    public Reply delete(String path, Object body, String token) {
        return call(HttpMethod.DELETE, path, body, token, Map.of());
    }

    public Reply call(HttpMethod method, String path, Object body, String token, Map<String, String> headers) {
        RestTestClient.RequestBodySpec request = http.method(method).uri(path).headers(h -> {
            h.set(HttpHeaders.USER_AGENT, USER_AGENT);
            headers.forEach(h::set);
            if (token != null) {
                h.setBearerAuth(token);
            }
        });
        RestTestClient.RequestHeadersSpec<?> ready = body == null
                ? request
                : request.contentType(MediaType.APPLICATION_JSON)
                        .body(body instanceof String text ? text : JSON.writeValueAsString(body));
        EntityExchangeResult<byte[]> result = ready.exchange().returnResult(byte[].class);
        byte[] content = result.getResponseBody();
        JsonNode parsed = content == null || content.length == 0 ? JSON.missingNode() : JSON.readTree(content);
        return new Reply(result.getStatus().value(), parsed, result.getResponseHeaders());
    }
}
