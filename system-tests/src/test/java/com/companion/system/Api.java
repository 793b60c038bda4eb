package com.companion.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public API as a mobile app sees it: HTTP through the gateway, JSON in snake_case. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Response(int status, Map<String, java.util.List<String>> headers, String raw) {

        public JsonNode json() {
            return raw == null || raw.isBlank() ? JSON.createObjectNode() : JSON.readTree(raw);
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    /** A signed-up user and what they need to call the API. */
    public record User(UUID id, String username, String email, String phone, String password, String accessToken) {

        public String bearer() {
            return "Bearer " + accessToken;
        }
    }

    public static User signup(int age) {
        String suffix = Long.toString(Math.abs(RANDOM.nextLong()), 36).substring(0, 8);
        String username = "st_" + suffix;
        String email = username + "@example.com";
        String phone = "+91 9" + String.format("%09d", RANDOM.nextInt(1_000_000_000));
        String password = "Sky-" + UUID.randomUUID();
        Response response = post(
                "/auth/signup",
                null,
                Map.of(
                        "first_name", "Sam",
                        "last_name", "Tester",
                        "email", email,
                        "username", username,
                        "phone_number", phone,
                        "gender", "other",
                        "age", age,
                        "password", password));
        if (response.status() != 201) {
            throw new IllegalStateException("sign-up failed: " + response.status() + " " + response.raw());
        }
        JsonNode body = response.json();
        return new User(
                UUID.fromString(body.path("user").path("id").asString()),
                username,
                email,
                phone,
                password,
                body.path("access_token").asString());
    }

    public static Response login(String identifier, String password) {
        return post("/auth/login", null, Map.of("identifier", identifier, "password", password));
    }

    public static Response get(String path, User user) {
        return send(request(path, user).GET().build());
    }

    public static Response delete(String path, User user) {
        return send(request(path, user).DELETE().build());
    }

    public static Response post(String path, User user, Object body) {
        return postRaw(path, user, JSON.writeValueAsString(body));
    }

    public static Response put(String path, User user, Object body) {
        return send(request(path, user)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    public static Response patch(String path, User user, Object body) {
        return send(request(path, user)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    public static Response postRaw(String path, User user, String json) {
        return send(request(path, user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public static Response upload(
            String path, User user, Map<String, String> fields, String fileName, String contentType, byte[] file) {
        String boundary = "----companion" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                                + "\"\r\n\r\n" + field.getValue() + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                            + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(file);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(request(path, user)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    public static HttpRequest.Builder request(String path, User user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create(path.startsWith("http") ? path : Stack.GATEWAY + path))
                .timeout(Duration.ofSeconds(90));
        if (user != null) {
            builder.header("Authorization", user.bearer());
        }
        return builder;
    }

    public static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static byte[] download(String url) {
        try {
            HttpResponse<byte[]> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : Stack.GATEWAY + url))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("download answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpClient http() {
        return HTTP;
    }

    private Api() {}
}
