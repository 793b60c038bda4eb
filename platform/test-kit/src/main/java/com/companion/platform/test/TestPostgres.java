package com.companion.platform.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * PostgreSQL for tests: the server on 127.0.0.1:5432 when one answers, else an embedded one
 * started once per JVM (or a container when asked for). Each caller gets a database of its own.
 */
public final class TestPostgres {

    public record Server(String host, int port, String username, String password) {

        String url(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    public record Database(String url, String username, String password, String name) {}

    private static volatile Server server;

    public static Database newDatabase(String hint) {
        Server s = server();
        String name = ("t_" + hint.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT))
                        .substring(0, Math.min(40, 2 + hint.replaceAll("[^A-Za-z0-9]", "").length()))
                + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(s.url("postgres"), s.username(), s.password());
                Statement st = c.createStatement()) {
            st.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new Database(s.url(name), s.username(), s.password(), name);
    }

    public static Server server() {
        if (server == null) {
            synchronized (TestPostgres.class) {
                if (server == null) {
                    server = Infra.containers() ? Containers.postgres() : localOrEmbedded();
                }
            }
        }
        return server;
    }

    private static Server localOrEmbedded() {
        String host = System.getenv().getOrDefault("TEST_POSTGRES_HOST", "127.0.0.1");
        int port = Integer.parseInt(System.getenv().getOrDefault("TEST_POSTGRES_PORT", "5432"));
        if (answers(host, port)) {
            return new Server(host, port, System.getenv().getOrDefault("TEST_POSTGRES_USER", "postgres"),
                    System.getenv().getOrDefault("TEST_POSTGRES_PASSWORD", ""));
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }, "test-postgres-stop"));
            return new Server("127.0.0.1", embedded.getPort(), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("no PostgreSQL on " + host + ":" + port + " and the embedded one failed", e);
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private TestPostgres() {}
}
