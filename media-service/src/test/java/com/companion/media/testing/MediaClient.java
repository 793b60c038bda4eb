package com.companion.media.testing;

import com.companion.platform.test.TestJwks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The calls a client makes, and a plain HTTP client for presigned URLs (which go to the store, not the service). */
public final class MediaClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient STORE = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final RestTestClient http;
    private final int port;

    public MediaClient(RestTestClient http, int port) {
        this.http = http;
        this.port = port;
    }

    public static String bearer(UUID user) {
        return bearer(user, true);
    }

    public static String bearer(UUID user, boolean adult) {
        return "Bearer " + TestJwks.shared().token(user, "free", adult);
    }

    public Answer upload(
            UUID user, String kind, @Nullable UUID characterId, String fileName, String declaredType, byte[] bytes) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(bytes) {
                    @Override
                    public String getFilename() {
                        return fileName;
                    }
                })
                .contentType(MediaType.parseMediaType(declaredType));
        body.part("kind", kind);
        if (characterId != null) {
            body.part("character_id", characterId.toString());
        }
        return exchange(http.post()
                .uri("/media/upload")
                .header(HttpHeaders.AUTHORIZATION, bearer(user))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(body.build()));
    }

    public Answer get(UUID user, Object mediaId) {
        return exchange(http.get().uri("/media/" + mediaId).header(HttpHeaders.AUTHORIZATION, bearer(user)));
    }

    /** With this {@code Authorization} header value. */
    public Answer get(String authorization, Object mediaId) {
        return exchange(http.get().uri("/media/" + mediaId).header(HttpHeaders.AUTHORIZATION, authorization));
    }

    public Answer get(UUID user, boolean adult, Object mediaId) {
        return exchange(http.get().uri("/media/" + mediaId).header(HttpHeaders.AUTHORIZATION, bearer(user, adult)));
    }

    public Answer delete(UUID user, Object mediaId) {
        return exchange(http.delete().uri("/media/" + mediaId).header(HttpHeaders.AUTHORIZATION, bearer(user)));
    }

    public Answer offer(UUID user, String json) {
        return exchange(http.post()
                .uri("/media/presigned-upload")
                .header(HttpHeaders.AUTHORIZATION, bearer(user))
                .contentType(MediaType.APPLICATION_JSON)
                .body(json));
    }

    public Answer complete(UUID user, Object uploadId) {
        return exchange(http.post()
                .uri("/media/presigned-upload/" + uploadId + "/complete")
                .header(HttpHeaders.AUTHORIZATION, bearer(user)));
    }

    /** {@code GET /media/{id}/content} without following the redirect; {@code user} null is anonymous. */
    public HttpResponse<byte[]> content(@Nullable UUID user, Object mediaId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/media/" + mediaId + "/content"))
                .GET();
        if (user != null) {
            request.header(HttpHeaders.AUTHORIZATION, bearer(user));
        }
        return send(request.build());
    }

    /** Fetches a presigned URL from the store, as a browser would. */
    public static HttpResponse<byte[]> fetch(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    public static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return STORE.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer exchange(RestTestClient.RequestHeadersSpec<?> request) {
        RestTestClient.ResponseSpec response = request.exchange();
        var result = response.expectBody().returnResult();
        byte[] body = result.getResponseBody();
        return new Answer(
                result.getStatus().value(),
                body == null || body.length == 0 ? JSON.missingNode() : JSON.readTree(body),
                result.getResponseHeaders());
    }

    public record Answer(int status, JsonNode body, HttpHeaders headers) {

        public String text(String field) {
            return body.path(field).asString();
        }

        public String problemType() {
            return text("type");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
