package com.companion.offlinellm;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the offline LLM as its own process for the local stack.
 *
 * <pre>
 * java -Xmx64m -jar offline-llm-exec.jar [--port 8090] [--ttft-ms 250] [--token-ms 20] [--host 127.0.0.1]
 *     [--api-key KEY] [--served-models a,b] [--unavailable-models a,b] [--stopped-endpoint-models a,b]
 *     [--unknown-models a,b]
 *     [--max-recorded-calls 1000] [--max-recorded-bytes N]
 * </pre>
 *
 * The port defaults to {@code OFFLINE_LLM_PORT}, else 8090. Prints one line when ready. The
 * recorded calls (full prompts, for {@code /_admin/calls}) are bounded by count and by bytes, by
 * default an eighth of the heap: a server that runs for hours in a 64 MB heap must not fill it.
 */
public final class OfflineLlmMain {

    static final int DEFAULT_PORT = 8090;
    static final long DEFAULT_TTFT_MS = 250;
    static final long DEFAULT_TOKEN_MS = 20;
    static final int DEFAULT_MAX_RECORDED_CALLS = 1000;

    private OfflineLlmMain() {}

    public static void main(String[] args) throws InterruptedException {
        OfflineLlmServer server;
        try {
            server = start(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("offline-llm: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    /** Parses the arguments, starts the server and prints the ready line. */
    static OfflineLlmServer start(String[] args, Map<String, String> env) {
        Map<String, String> options = parse(args);
        String envPort = env.get("OFFLINE_LLM_PORT");
        int port = (int) number(
                options,
                "port",
                envPort == null || envPort.isBlank() ? DEFAULT_PORT : parseLong("OFFLINE_LLM_PORT", envPort));
        long ttftMs = number(options, "ttft-ms", DEFAULT_TTFT_MS);
        long tokenMs = number(options, "token-ms", DEFAULT_TOKEN_MS);

        long maxCalls = number(options, "max-recorded-calls", DEFAULT_MAX_RECORDED_CALLS);
        if (maxCalls > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--max-recorded-calls is too large: " + maxCalls);
        }
        long maxBytes =
                number(options, "max-recorded-bytes", Runtime.getRuntime().maxMemory() / 8);

        OfflineLlmServer.Builder builder = OfflineLlmServer.builder()
                .port(port)
                .maxRecordedCalls((int) maxCalls)
                .maxRecordedBytes(maxBytes)
                .defaultBehaviour(Behaviour.timing(Duration.ofMillis(ttftMs), Duration.ofMillis(tokenMs)));
        if (options.containsKey("host")) {
            builder.host(options.get("host"));
        }
        if (options.containsKey("api-key")) {
            builder.apiKey(options.get("api-key"));
        }
        if (options.containsKey("served-models")) {
            builder.servedModels(list(options.get("served-models")));
        }
        if (options.containsKey("unavailable-models")) {
            builder.unavailableModels(list(options.get("unavailable-models")));
        }
        if (options.containsKey("stopped-endpoint-models")) {
            builder.stoppedEndpointModels(list(options.get("stopped-endpoint-models")));
        }
        if (options.containsKey("unknown-models")) {
            builder.unknownModels(list(options.get("unknown-models")));
        }
        OfflineLlmServer server = builder.start();
        System.out.println("offline-llm ready on " + server.baseUrl() + " (ttft " + ttftMs + " ms, " + tokenMs
                + " ms/token, admin at /_admin, health at /health)");
        System.out.flush();
        return server;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("missing value for --" + name);
            }
            if (!List.of(
                            "port",
                            "ttft-ms",
                            "token-ms",
                            "host",
                            "api-key",
                            "served-models",
                            "unavailable-models",
                            "stopped-endpoint-models",
                            "unknown-models",
                            "max-recorded-calls",
                            "max-recorded-bytes")
                    .contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            options.put(name, value);
        }
        return options;
    }

    private static long number(Map<String, String> options, String name, long fallback) {
        String value = options.get(name);
        return value == null ? fallback : parseLong("--" + name, value);
    }

    private static long parseLong(String name, String value) {
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < 0) {
                throw new IllegalArgumentException(name + " must not be negative: " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number: " + value);
        }
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
