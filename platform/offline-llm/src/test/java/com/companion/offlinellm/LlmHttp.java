package com.companion.offlinellm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** A java.net.http client for the offline LLM, recording when each streamed event arrives. */
final class LlmHttp {

    static final String KEY = "test-key";

    static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    /** One server-sent event and when the client saw it, relative to sending the request. */
    record Event(String data, long arrivedAfterNanos) {

        boolean isDone() {
            return data.equals("[DONE]");
        }

        JsonNode json() {
            return Json.parse(data.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The events of a streamed answer, and the exception that ended it early, if any. */
    record Streamed(int status, String contentType, List<Event> events, IOException failure) {

        List<JsonNode> chunks() {
            return events.stream().filter(e -> !e.isDone()).map(Event::json).toList();
        }

        boolean sawDone() {
            return events.stream().anyMatch(Event::isDone);
        }

        String content() {
            StringBuilder text = new StringBuilder();
            chunks().forEach(c -> text.append(
                    c.path("choices").path(0).path("delta").path("content").asString("")));
            return text.toString();
        }
    }

    private LlmHttp() {}

    static HttpRequest.Builder post(OfflineLlmServer server, String path, String json) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    static HttpRequest chatRequest(OfflineLlmServer server, ChatRequests chat) {
        return post(server, "/v1/chat/completions", chat.json())
                .header("Authorization", "Bearer " + KEY)
                .build();
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> chat(OfflineLlmServer server, ChatRequests chat) {
        return send(chatRequest(server, chat));
    }

    static JsonNode chatJson(OfflineLlmServer server, ChatRequests chat) {
        HttpResponse<String> response = chat(server, chat);
        if (response.statusCode() != 200) {
            throw new AssertionError("expected 200, got " + response.statusCode() + ": " + response.body());
        }
        return json(response.body());
    }

    static String reply(OfflineLlmServer server, ChatRequests chat) {
        return chatJson(server, chat)
                .path("choices")
                .path(0)
                .path("message")
                .path("content")
                .asString();
    }

    static JsonNode json(String body) {
        return Json.parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static HttpResponse<String> get(OfflineLlmServer server, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + KEY)
                .GET()
                .build());
    }

    /** Streams a chat completion, noting each event's arrival; an early end is kept, not thrown. */
    static Streamed stream(OfflineLlmServer server, ChatRequests chat) {
        return stream(chatRequest(server, chat.stream(true)));
    }

    static Streamed stream(HttpRequest request) {
        long sent = System.nanoTime();
        HttpResponse<Stream<String>> response;
        try {
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<Event> events = new ArrayList<>();
        IOException failure = null;
        try (Stream<String> lines = response.body()) {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.startsWith("data: ")) {
                    events.add(new Event(line.substring(6), System.nanoTime() - sent));
                } else if (!line.isEmpty()) {
                    events.add(new Event(line, System.nanoTime() - sent));
                }
            }
        } catch (UncheckedIOException e) {
            failure = e.getCause();
        }
        return new Streamed(
                response.statusCode(),
                response.headers().firstValue("content-type").orElse(""),
                List.copyOf(events),
                failure);
    }
}
