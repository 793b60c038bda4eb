package com.companion.system;

import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/** A WebSocket to {@code /ws} through the gateway that keeps every frame it receives. */
final class Socket implements AutoCloseable {

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket ws;

    Socket(Api.User user) {
        String base = Stack.GATEWAY.replaceFirst("^http", "ws");
        ws = Api.http()
                .newWebSocketBuilder()
                .buildAsync(URI.create(base + "/ws?access_token=" + user.accessToken()), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            frames.add(Api.JSON.readTree(partial.toString()));
                            partial.setLength(0);
                        }
                        socket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }
                })
                .join();
    }

    void send(Object frame) {
        ws.sendText(Api.JSON.writeValueAsString(frame), true).join();
    }

    List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    JsonNode await(Predicate<JsonNode> match, Duration timeout) {
        return Awaitility.await()
                .atMost(timeout)
                .until(() -> frames.stream().filter(match).findFirst().orElse(null), f -> f != null);
    }

    /** The close code the server sent, once it closed the socket. */
    int awaitClosed(Duration timeout) {
        return Awaitility.await().atMost(timeout).until(() -> closed.getNow(null), code -> code != null);
    }

    @Override
    public void close() {
        ws.abort();
    }
}
