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
        String cleanHint = hint.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        String name = "t_" + cleanHint.substring(0, Math.min(30, cleanHint.length())) + "_" + minuteStamp() + "_"
                + UUID.randomUUID().toString().substring(0, 6);
        try (Connection c = DriverManager.getConnection(s.url("postgres"), s.username(), s.password());
                Statement st = c.createStatement()) {
            dropLeftovers(st);
            st.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new Database(s.url(name), s.username(), s.password(), name);
    }

    private static volatile boolean leftoversDropped;

    private static long minuteStamp() {
        return System.currentTimeMillis() / 60_000;
    }

    /** Databases of test runs that ended more than two hours ago (names carry their creation minute). */
    private static void dropLeftovers(Statement st) throws SQLException {
        if (leftoversDropped) {
            return;
        }
        leftoversDropped = true;
        java.util.List<String> old = new java.util.ArrayList<>();
        try (java.sql.ResultSet rs = st.executeQuery("select datname from pg_database where datname like 't\\_%'")) {
            while (rs.next()) {
                String[] parts = rs.getString(1).split("_");
                if (parts.length >= 4
                        && parts[parts.length - 2].matches("\\d+")
                        && minuteStamp() - Long.parseLong(parts[parts.length - 2]) > 120) {
                    old.add(rs.getString(1));
                }
            }
        }
        for (String database : old) {
            try {
                st.execute("drop database if exists " + database);
            } catch (SQLException inUse) {
                // still used by someone; a later run drops it
            }
        }
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
            return new Server(
                    host,
                    port,
                    System.getenv().getOrDefault("TEST_POSTGRES_USER", "postgres"),
                    System.getenv().getOrDefault("TEST_POSTGRES_PASSWORD", ""));
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    embedded.close();
                                } catch (IOException ignored) {
                                    // the JVM is exiting
                                }
                            },
                            "test-postgres-stop"));
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
