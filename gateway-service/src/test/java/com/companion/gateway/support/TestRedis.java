package com.companion.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import redis.embedded.RedisServer;

/**
 * Redis for tests: the one at {@code TEST_REDIS_URL} (default {@code redis://127.0.0.1:6379})
 * when it answers, else an embedded {@code redis-server} on a free port, started once per JVM
 * and stopped with it, without persistence. No Redis test is skipped for want of a server.
 */
public final class TestRedis {

    private static volatile String url;

    private TestRedis() {}

    public static String url() {
        if (url == null) {
            synchronized (TestRedis.class) {
                if (url == null) {
                    url = localOrEmbedded();
                }
            }
        }
        return url;
    }

    private static String localOrEmbedded() {
        String configured = System.getenv().getOrDefault("TEST_REDIS_URL", "redis://127.0.0.1:6379");
        URI uri = URI.create(configured);
        if (answers(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort())) {
            return configured;
        }
        try {
            int port = freePort();
            RedisServer server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "test-redis-stop"));
            return "redis://127.0.0.1:" + port;
        } catch (IOException e) {
            throw new UncheckedIOException("no Redis at " + configured + " and the embedded one failed", e);
        }
    }

    private static void stop(RedisServer server) {
        try {
            server.stop();
        } catch (IOException ignored) {
            // the JVM is exiting
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
