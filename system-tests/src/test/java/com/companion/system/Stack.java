package com.companion.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The running system under test. A stack already answering at the gateway is reused; otherwise
 * {@code deploy/local/run} starts one in the foreground, exporting its traces to an {@link
 * OtlpCollector} in this JVM, and it is stopped when the test run ends. In the foreground the script
 * watches its components and reports one that dies (in {@code target/stack.log} and {@code
 * --status}); every test class starts only when {@code --status} says the stack is healthy.
 *
 * <p>The stack started here runs its own embedded PostgreSQL on {@link #POSTGRES_PORT} rather than
 * the machine's shared server on 5432: a fault test restarts it, and other work on the machine must
 * not see that. The port sits below Linux's ephemeral range (32768–60999), so an outgoing connection's local port
 * never takes it while PostgreSQL is down for a restart or not yet up.
 */
public final class Stack implements BeforeAllCallback {

    public static final String GATEWAY = System.getProperty("system.gateway", "http://127.0.0.1:8080");
    public static final Path REPOSITORY = Path.of(System.getProperty("system.repository", ".."))
            .toAbsolutePath()
            .normalize();
    public static final String LLM_ADMIN = System.getProperty("system.llm", "http://127.0.0.1:8090");
    static final String POSTGRES_PORT = System.getProperty("system.postgres.port", "25432");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static volatile OtlpCollector traces;
    private static volatile boolean watched;

    @Override
    public void beforeAll(ExtensionContext context) {
        Running running = context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(Stack.class.getName(), key -> Running.startOrReuse(), Running.class);
        if (running.startedHere) {
            Status status = status();
            if (status.exitCode() != 0) {
                throw new IllegalStateException("the local stack is not healthy:\n" + status.output());
            }
        }
    }

    /** Closed by JUnit at the end of the run: stops the stack if this run started it. */
    static final class Running implements AutoCloseable {

        private final boolean startedHere;
        private final Process script;

        private Running(Process script) {
            this.startedHere = script != null;
            this.script = script;
        }

        static Running startOrReuse() {
            if (healthy()) {
                return new Running(null);
            }
            traces = OtlpCollector.start();
            Path log = REPOSITORY.resolve("system-tests/target/stack.log");
            long logStart = size(log);
            Process script = launch(
                    List.of("deploy/local/run", "--no-build"),
                    Map.of(
                            "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                            traces.endpoint(),
                            "POSTGRES_PORT",
                            POSTGRES_PORT));
            try {
                // The script prints its report once every component is healthy, then stays to watch them.
                org.awaitility.Awaitility.await()
                        .atMost(Duration.ofMinutes(6))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> !script.isAlive() || printedSince(log, logStart, "Ctrl-C stops everything"));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // reported below
            }
            if (!script.isAlive() || !healthy()) {
                run(List.of("deploy/local/stop"), Map.of(), Duration.ofMinutes(3));
                script.destroy();
                throw new IllegalStateException(
                        "the local stack did not become healthy; see system-tests/target/stack.log and .local/logs");
            }
            watched = true;
            return new Running(script);
        }

        @Override
        public void close() {
            if (startedHere) {
                run(List.of("deploy/local/stop"), Map.of(), Duration.ofMinutes(3));
                script.destroy();
                traces.close();
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Whether the script printed {@code text} into the log since the log was {@code from} bytes long. */
    static boolean printedSince(Path log, long from, String text) throws IOException {
        if (!Files.exists(log)) {
            return false;
        }
        byte[] bytes = Files.readAllBytes(log);
        int start = (int) Math.min(from, bytes.length);
        return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8).contains(text);
    }

    /** What {@code deploy/local/run --status} says, and its exit code (0 all well, 1 something is dead). */
    record Status(int exitCode, String output) {}

    static Status status() {
        try {
            Process process = new ProcessBuilder("deploy/local/run", "--status")
                    .directory(REPOSITORY.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("deploy/local/run --status did not finish in 60 s");
            }
            return new Status(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * One line for a benchmark's table: "healthy", or what is dead or not answering. A benchmark
     * whose stack lost a component on the way measured something else.
     */
    static String statusSummary() {
        Status status = status();
        if (status.exitCode() == 0) {
            return "healthy";
        }
        List<String> bad = status.output()
                .lines()
                .filter(line -> line.contains(" DEAD ") || line.contains(" NOT ANSWERING "))
                .map(line -> line.strip().replaceAll("\\s{2,}", " "))
                .toList();
        return bad.isEmpty() ? status.output().strip() : "NOT healthy: " + String.join("; ", bad);
    }

    /** Whether this run started the stack, so a foreground {@code deploy/local/run} watches it. */
    static boolean watchedInForeground() {
        return watched;
    }

    /** Whether the stack under test has its own (embedded) PostgreSQL, which a test may restart. */
    static boolean ownsPostgres() {
        return Files.exists(REPOSITORY.resolve(".local/pids/postgres.embedded"))
                && Files.exists(REPOSITORY.resolve(".local/pids/postgres.pid"));
    }

    /** The services' databases on the stack's PostgreSQL. */
    static final List<String> DATABASES =
            List.of("companion_auth", "companion_character", "companion_chat", "companion_media", "companion_ad");

    /**
     * A connection to one of the stack's databases ({@code companion_chat}, ...): on its embedded PostgreSQL when it
     * started one, else on the machine's, as {@code POSTGRES_USER} / {@code POSTGRES_PASSWORD}.
     */
    static Connection database(String name) throws SQLException {
        String port = "5432";
        Path embedded = REPOSITORY.resolve(".local/pids/postgres.embedded");
        try {
            if (Files.exists(embedded) && !Files.readString(embedded).isBlank()) {
                port = Files.readString(embedded).strip();
            }
        } catch (IOException e) {
            // the machine's server, then
        }
        Properties login = new Properties();
        login.setProperty("user", System.getenv().getOrDefault("POSTGRES_USER", "postgres"));
        login.setProperty("password", System.getenv().getOrDefault("POSTGRES_PASSWORD", ""));
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + name, login);
    }

    /** The spans the stack exports, when this test run started it (a reused stack exports elsewhere, if at all). */
    static Optional<OtlpCollector> traces() {
        return Optional.ofNullable(traces);
    }

    public static boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(GATEWAY + "/actuator/health"))
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The admin account the stack was started with. */
    public static Map<String, String> admin() {
        String email = System.getenv("ADMIN_EMAIL");
        String password = System.getenv("ADMIN_PASSWORD");
        if (email != null && password != null) {
            return Map.of("email", email, "password", password);
        }
        Path file = REPOSITORY.resolve(".local/admin.env");
        Properties properties = new Properties();
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip().replaceFirst("^export\\s+", "");
                int eq = trimmed.indexOf('=');
                if (eq > 0) {
                    properties.setProperty(
                            trimmed.substring(0, eq), trimmed.substring(eq + 1).replaceAll("^['\"]|['\"]$", ""));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("no ADMIN_EMAIL/ADMIN_PASSWORD and no " + file, e);
        }
        return Map.of(
                "email", properties.getProperty("ADMIN_EMAIL"), "password", properties.getProperty("ADMIN_PASSWORD"));
    }

    /** Runs a stack script from the repository root and waits for it. */
    public static void run(List<String> command, Map<String, String> environment, Duration timeout) {
        Process process = launch(command, environment);
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see system-tests/target/stack.log");
        }
    }

    /** Starts a stack script from the repository root, its output appended to target/stack.log. */
    private static Process launch(List<String> command, Map<String, String> environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(REPOSITORY.toFile());
            builder.environment().putAll(environment);
            // Tests sign up and chat far faster than a person: the gateway's budgets are raised for the stack they
            // start.
            for (String limit : List.of(
                    "RATE_LIMIT_LOGIN",
                    "RATE_LIMIT_SIGNUP",
                    "RATE_LIMIT_TOKEN",
                    "RATE_LIMIT_CHAT_SEND",
                    "RATE_LIMIT_SOCKET",
                    "RATE_LIMIT_UPLOAD",
                    "RATE_LIMIT_USER",
                    "RATE_LIMIT_IP")) {
                builder.environment().putIfAbsent(limit, "100000");
            }
            return builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            REPOSITORY.resolve("system-tests/target/stack.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
