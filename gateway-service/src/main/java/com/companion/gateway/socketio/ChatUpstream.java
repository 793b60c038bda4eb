package com.companion.gateway.socketio;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.WebSocketClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * Opens chat-service's {@code /ws} for one Socket.IO connection, as the gateway's {@code /ws}
 * route would forward a client's socket: the access token in {@code ?access_token=} (chat-service
 * verifies it again and enforces its frame budget, send budget and guard as for any socket) and
 * the client address in {@code X-Forwarded-For}.
 */
final class ChatUpstream {

    /** Frames waiting to go to chat-service; a client that outruns that is disconnected. */
    private static final int MAX_PENDING_FRAMES = 256;

    private static final Duration CLOSE_STATUS_WAIT = Duration.ofSeconds(1);

    private final WebSocketClient client;
    private final URI socket;
    private final Duration connectTimeout;

    ChatUpstream(WebSocketClient client, URI chatService, Duration connectTimeout) {
        this.client = client;
        this.socket = UriComponentsBuilder.fromUri(chatService)
                .scheme("https".equalsIgnoreCase(chatService.getScheme()) ? "wss" : "ws")
                .path("/ws")
                .build()
                .toUri();
        this.connectTimeout = connectTimeout;
    }

    interface Listener {
        void onFrame(Link link, String frame);

        void onClosed(Link link, int code);
    }

    /** An open socket to chat-service. */
    static final class Link {

        private final Sinks.Many<String> out = Sinks.many()
                .unicast()
                .onBackpressureBuffer(Queues.<String>get(MAX_PENDING_FRAMES).get());
        private final AtomicBoolean closed = new AtomicBoolean();
        private final Listener listener;

        private Link(Listener listener) {
            this.listener = listener;
        }

        /** False when the frame could not be queued (too many waiting, or the link is closed). */
        boolean send(String frame) {
            return out.tryEmitNext(frame).isSuccess();
        }

        void close() {
            out.tryEmitComplete();
        }

        private void closed(int code) {
            out.tryEmitComplete();
            if (closed.compareAndSet(false, true)) {
                listener.onClosed(this, code);
            }
        }
    }

    Mono<Link> open(String token, String clientAddress, String scheme, Listener listener) {
        URI target = UriComponentsBuilder.fromUri(socket)
                .queryParam("access_token", token)
                .encode()
                .build()
                .toUri();
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Forwarded-For", clientAddress);
        headers.set("X-Forwarded-Proto", scheme);
        return Mono.<Link>create(sink -> {
                    Link link = new Link(listener);
                    AtomicBoolean opened = new AtomicBoolean();
                    sink.onCancel(client.execute(target, headers, ws -> {
                                opened.set(true);
                                sink.success(link);
                                return run(ws, link);
                            })
                            .subscribe(
                                    done -> {},
                                    error -> {
                                        if (opened.get()) {
                                            link.closed(CloseStatus.NO_CLOSE_FRAME.getCode());
                                        } else {
                                            sink.error(error);
                                        }
                                    },
                                    () -> link.closed(CloseStatus.NO_CLOSE_FRAME.getCode())));
                })
                .timeout(connectTimeout);
    }

    private static Mono<Void> run(WebSocketSession ws, Link link) {
        Mono<Void> input = ws.receive()
                .filter(message -> message.getType() == WebSocketMessage.Type.TEXT)
                .doOnNext(message -> link.listener.onFrame(link, message.getPayloadAsText()))
                .then()
                .doFinally(signal -> link.out.tryEmitComplete());
        Mono<Void> output = ws.send(link.out.asFlux().map(ws::textMessage)).then(Mono.defer(ws::close));
        return Mono.when(input, output)
                .then(ws.closeStatus()
                        .map(CloseStatus::getCode)
                        .timeout(CLOSE_STATUS_WAIT, Mono.empty())
                        .defaultIfEmpty(CloseStatus.NO_CLOSE_FRAME.getCode())
                        .doOnNext(link::closed))
                .then();
    }
}
