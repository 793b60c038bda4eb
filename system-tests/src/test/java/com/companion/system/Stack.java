package com.companion.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code deploy/local/run --detach} starts one, exporting its traces to an {@link OtlpCollector} in
 * this JVM, and it is stopped when the test run ends.
 */
public final class Stack implements BeforeAllCallback {

    public static final String GATEWAY = System.getProperty("system.gateway", "http://127.0.0.1:8080");
    public static final Path REPOSITORY = Path.of(System.getProperty("system.repository", ".."))
            .toAbsolutePath()
            .normalize();
    public static final String LLM_ADMIN = System.getProperty("system.llm", "http://127.0.0.1:8090");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static volatile OtlpCollector traces;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(Stack.class.getName(), key -> Running.startOrReuse(), Running.class);
    }

    /** Closed by JUnit at the end of the run: stops the stack if this run started it. */
    static final class Running implements AutoCloseable {

        private final boolean startedHere;

        private Running(boolean startedHere) {
            this.startedHere = startedHere;
        }

        static Running startOrReuse() {
            if (healthy()) {
                return new Running(false);
            }
            traces = OtlpCollector.start();
            run(
                    List.of("deploy/local/run", "--detach", "--no-build"),
                    Map.of("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", traces.endpoint()),
                    Duration.ofMinutes(6));
            if (!healthy()) {
                throw new IllegalStateException("the local stack did not become healthy; see .local/logs");
            }
            return new Running(true);
        }

        @Override
        public void close() {
            if (startedHere) {
                run(List.of("deploy/local/stop"), Map.of(), Duration.ofMinutes(3));
                traces.close();
            }
        }
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
            Process process = builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            REPOSITORY.resolve("system-tests/target/stack.log").toFile()))
                    .start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " failed; see system-tests/target/stack.log");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
