package com.companion.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A test WebSocket client that keeps every frame it is sent. */
final class SocketClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final WebSocket socket;
    private volatile Integer closedWith;

    SocketClient(URI uri) {
        socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            frames.add(JSON.readTree(partial.toString()));
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                        closedWith = statusCode;
                        return null;
                    }
                })
                .join();
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    /** Sends a {@code user_message} frame; {@code clientId} may be null. */
    void userMessage(Object sessionId, String message, String clientId) {
        var frame = JSON.createObjectNode()
                .put("type", "user_message")
                .put("session_id", sessionId.toString())
                .put("message", message);
        if (clientId != null) {
            frame.put("client_id", clientId);
        }
        send(frame.toString());
    }

    void userMessage(Object sessionId, String message) {
        userMessage(sessionId, message, null);
    }

    List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    JsonNode await(Predicate<JsonNode> match) {
        return org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> frames.stream().filter(match).findFirst().orElse(null), f -> f != null);
    }

    JsonNode awaitType(String type) {
        return await(f -> type.equals(f.path("type").asString()));
    }

    Integer awaitClosed() {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> closedWith, c -> c != null);
    }

    boolean isOpen() {
        return closedWith == null && !socket.isOutputClosed() && !socket.isInputClosed();
    }

    @Override
    public void close() {
        socket.abort();
    }
}
