package com.companion.gateway.support;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for one service behind the gateway: records every request it receives (method,
 * path, query, headers, body size) and answers with an echo of it. {@code /ws} echoes socket
 * frames, {@code /chat/stream} sends one SSE event, waits for {@link #releaseStream()}, then sends
 * another, {@code /sessions/slow} never answers. {@code /v3/api-docs} is an OpenAPI description,
 * or, after {@link #publishNoApiDocs()}, the 404 problem of a service without springdoc.
 */
public final class StubService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile CompletableFuture<Void> streamRelease = new CompletableFuture<>();
    private volatile boolean apiDocs = true;
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
    private volatile DisposableServer server;
    private volatile int port;

    private StubService(String name) {
        this.name = name;
    }

    public static StubService start(String name) {
        StubService stub = new StubService(name);
        stub.bind(0);
        return stub;
    }

    public record Received(String method, String path, String query, Map<String, String> headers, long bodyBytes) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String name() {
        return name;
    }

    /** The next request this service received, waiting a little for it. */
    public Received next() {
        try {
            Received next = received.poll(5, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError(name + " received no request");
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public boolean receivedNothing() {
        return received.isEmpty();
    }

    public void forget() {
        received.clear();
        streamRelease = new CompletableFuture<>();
        apiDocs = true;
    }

    /** Until {@link #forget()}: {@code /v3/api-docs} answers 404, as a service without springdoc does. */
    public void publishNoApiDocs() {
        apiDocs = false;
    }

    public void releaseStream() {
        streamRelease.complete(null);
    }

    /** Stops like a crashed process: the listener and every open connection go away at once. */
    public synchronized void stop() {
        server.disposeNow(Duration.ofSeconds(5));
        List.copyOf(channels).forEach(channel -> channel.close().syncUninterruptibly());
    }

    public synchronized void restart() {
        bind(port);
    }

    private void bind(int wanted) {
        server = HttpServer.create()
                .bindAddress(() -> new InetSocketAddress("127.0.0.1", wanted))
                .doOnChannelInit((observer, channel, remote) -> {
                    channels.add(channel);
                    channel.closeFuture().addListener(closed -> channels.remove(channel));
                })
                .route(routes -> routes.get("/actuator/health", (req, res) -> json(res, Map.of("status", "UP")))
                        .get("/v3/api-docs", this::apiDocs)
                        .get("/ws", this::upgrade)
                        .post("/chat/stream", this::stream)
                        .route(req -> req.path().startsWith("sessions/slow"), this::never)
                        .route(req -> true, this::echo))
                .bindNow();
        port = ((InetSocketAddress) server.address()).getPort();
    }

    private Publisher<Void> echo(HttpServerRequest request, HttpServerResponse response) {
        return request.receive()
                .aggregate()
                .map(buffer -> (long) buffer.readableBytes())
                .defaultIfEmpty(0L)
                .flatMap(size -> {
                    Received r = record(request.method().name(), request.uri(), request.requestHeaders(), size);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("service", name);
                    body.put("method", r.method());
                    body.put("path", r.path());
                    body.put("query", r.query());
                    body.put("headers", r.headers());
                    return json(response, body).then();
                });
    }

    private Publisher<Void> stream(HttpServerRequest request, HttpServerResponse response) {
        record(request.method().name(), request.uri(), request.requestHeaders(), 0);
        CompletableFuture<Void> release = streamRelease;
        Flux<String> events = Flux.concat(
                Mono.just("event: token\ndata: first\n\n"),
                Mono.fromFuture(release).then(Mono.just("event: done\ndata: second\n\n")));
        return response.header("Content-Type", "text/event-stream")
                .send(events.map(e -> Unpooled.wrappedBuffer(e.getBytes(StandardCharsets.UTF_8))), b -> true);
    }

    private Publisher<Void> never(HttpServerRequest request, HttpServerResponse response) {
        record(request.method().name(), request.uri(), request.requestHeaders(), 0);
        return Mono.never();
    }

    private Publisher<Void> upgrade(HttpServerRequest request, HttpServerResponse response) {
        record(request.method().name(), request.uri(), request.requestHeaders(), 0);
        return response.sendWebsocket(this::socket);
    }

    private Publisher<Void> socket(WebsocketInbound in, WebsocketOutbound out) {
        return out.sendString(in.receive().asString().map(text -> name + " heard: " + text));
    }

    private Received record(String method, String uri, HttpHeaders headers, long size) {
        int q = uri.indexOf('?');
        Map<String, String> flat = new LinkedHashMap<>();
        headers.forEach(e -> flat.merge(e.getKey().toLowerCase(), e.getValue(), (a, b) -> a + ", " + b));
        Received r =
                new Received(method, q < 0 ? uri : uri.substring(0, q), q < 0 ? "" : uri.substring(q + 1), flat, size);
        received.add(r);
        return r;
    }

    private Publisher<Void> apiDocs(HttpServerRequest request, HttpServerResponse response) {
        if (apiDocs) {
            return json(response, apiDocs());
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "/problems/not-found");
        problem.put("title", "Not Found");
        problem.put("status", 404);
        problem.put("detail", "No static resource v3/api-docs.");
        problem.put("instance", "/v3/api-docs");
        return response.status(404)
                .header("Content-Type", "application/problem+json")
                .sendByteArray(Mono.just(JSON.writeValueAsBytes(problem)))
                .then();
    }

    private Map<String, Object> apiDocs() {
        return Map.of(
                "openapi", "3.1.0",
                "info", Map.of("title", name, "version", "1"),
                "servers", List.of(Map.of("url", uri().toString())),
                "paths", Map.of());
    }

    private static Mono<Void> json(HttpServerResponse response, Object body) {
        byte[] bytes = JSON.writeValueAsBytes(body);
        return response.header("Content-Type", "application/json")
                .header("Access-Control-Allow-Origin", "*")
                .header("X-Frame-Options", "SAMEORIGIN")
                .sendByteArray(Mono.just(bytes))
                .then();
    }
}
