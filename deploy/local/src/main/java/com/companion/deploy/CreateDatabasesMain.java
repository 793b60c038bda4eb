package com.companion.deploy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

/**
 * Waits for PostgreSQL to accept connections, then creates the given databases when missing
 * (psql may not exist on the machine).
 *
 * <p>Usage: {@code CreateDatabasesMain <host> <port> <user> <wait-seconds> <db>...}; the password, if
 * any, comes from the environment variable {@code PGPASSWORD}.
 */
public final class CreateDatabasesMain {

    private CreateDatabasesMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: CreateDatabasesMain <host> <port> <user> <wait-seconds> <db>...");
            System.exit(2);
        }
        String url = "jdbc:postgresql://" + args[0] + ":" + args[1] + "/postgres";
        Properties props = new Properties();
        props.setProperty("user", args[2]);
        String password = System.getenv("PGPASSWORD");
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(Long.parseLong(args[3])));

        try (Connection connection = connect(url, props, deadline)) {
            for (int i = 4; i < args.length; i++) {
                String db = args[i];
                if (!db.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a plain database name: " + db);
                }
                if (exists(connection, db)) {
                    System.out.println("database " + db + " exists");
                    continue;
                }
                try (Statement st = connection.createStatement()) {
                    st.execute("CREATE DATABASE " + db);
                    System.out.println("database " + db + " created");
                } catch (SQLException e) {
                    // 42P04 duplicate_database: created concurrently by someone else.
                    if (!"42P04".equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        }
    }

    private static Connection connect(String url, Properties props, Instant deadline) throws Exception {
        SQLException last;
        do {
            try {
                return DriverManager.getConnection(url, props);
            } catch (SQLException e) {
                last = e;
                // 57P03 cannot_connect_now (starting up), 08xxx connection errors: retry until the deadline.
                String state = e.getSQLState();
                if (state != null && !state.startsWith("08") && !state.equals("57P03")) {
                    throw e;
                }
                Thread.sleep(250);
            }
        } while (Instant.now().isBefore(deadline));
        throw last;
    }

    private static boolean exists(Connection connection, String db) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, db);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
