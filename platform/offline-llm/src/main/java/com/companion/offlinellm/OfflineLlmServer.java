package com.companion.offlinellm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * An offline, OpenAI-compatible chat completion server that speaks Together AI's wire format, with
 * scriptable timing and faults. Start one per test class (or JVM) on port 0:
 *
 * <pre>{@code
 * try (OfflineLlmServer llm = OfflineLlmServer.start(0)) {
 *     llm.enqueue(Behaviour.rateLimited(1));     // the next call answers 429
 *     String baseUrl = llm.baseUrl();            // http://127.0.0.1:<port>/v1
 * }
 * }</pre>
 *
 * <p>Requests are checked in Together's order: API key (401), body (400), unknown model (404),
 * refused model (400 {@code model_not_available} or {@code dedicated_endpoint_not_running}); only a
 * request that passes these consumes a queued one-shot behaviour. All methods are thread-safe.
 *
 * <p>By default it refuses the models public reports show Together refusing (see {@link
 * #UNAVAILABLE_BY_DEFAULT} and {@link #STOPPED_ENDPOINTS_BY_DEFAULT}), so that a configuration that
 * relies on them fails here as it would there.
 */
public final class OfflineLlmServer implements AutoCloseable {

    /** No longer served serverless by Together: answers 400 {@code model_not_available} by default. */
    public static final String NOUS_HERMES_MIXTRAL = "NousResearch/Nous-Hermes-2-Mixtral-8x7B-DPO";

    /** No longer served serverless by Together: answers 400 {@code model_not_available} by default. */
    public static final String MIXTRAL_8X7B = "mistralai/Mixtral-8x7B-Instruct-v0.1";

    /** A dedicated endpoint nobody started: answers 400 {@code dedicated_endpoint_not_running} by default. */
    public static final String MIXTRAL_8X22B = "mistralai/Mixtral-8x22B-Instruct-v0.1";

    /**
     * Models Together answered 400 {@code model_not_available} for ("Unable to access non-serverless
     * model"), per public reports: HeyPuter/puter#3168 (2026-05-27) for both Mixtral and Mistral Small,
     * STACK-NOTES (2026-11-27) for Nous Hermes 2 Mixtral.
     */
    public static final Set<String> UNAVAILABLE_BY_DEFAULT =
            Set.of(NOUS_HERMES_MIXTRAL, MIXTRAL_8X7B, "mistralai/Mistral-Small-24B-Instruct-2501");

    /** Models Together answered 400 {@code dedicated_endpoint_not_running} for (HeyPuter/puter#3168). */
    public static final Set<String> STOPPED_ENDPOINTS_BY_DEFAULT = Set.of(MIXTRAL_8X22B);

    static final long DEFAULT_MAX_RECORDED_BYTES = 64L << 20;

    private final MiniHttpServer http;
    private final Script script;
    private final String host;

    private OfflineLlmServer(MiniHttpServer http, Script script, String host) {
        this.http = http;
        this.script = script;
        this.host = host;
    }

    /** Starts on 127.0.0.1 with the defaults; port 0 picks a free port. */
    public static OfflineLlmServer start(int port) {
        return builder().port(port).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The OpenAI base URL, {@code http://127.0.0.1:<port>/v1}. */
    public String baseUrl() {
        return "http://" + hostForUrl() + ":" + port() + "/v1";
    }

    public int port() {
        return http.port();
    }

    /** The behaviour for every call that finds no queued one-shot behaviour. */
    public void setDefault(Behaviour behaviour) {
        script.setDefault(behaviour);
    }

    public Behaviour defaultBehaviour() {
        return script.defaultBehaviour();
    }

    /** Queues one-shot behaviours, each consumed in order by one chat completion call. */
    public void enqueue(Behaviour... behaviours) {
        script.enqueue(behaviours);
    }

    /**
     * Queues a one-shot behaviour for the first call whose last user message contains {@code marker}, whatever
     * other calls (titles, summaries, another test's retry) arrive first.
     */
    public void enqueueFor(String marker, Behaviour behaviour) {
        script.enqueueFor(marker, behaviour);
    }

    public List<Behaviour> queuedBehaviours() {
        return script.queued();
    }

    /** The chat completion requests received since the last reset, oldest first. */
    public List<RecordedCall> calls() {
        return script.calls();
    }

    public int callCount() {
        return script.callCount();
    }

    /** Roughly how much heap the recorded calls hold. */
    long recordedBytes() {
        return script.recordedBytes();
    }

    /** Clears the queue and the recorded calls and restores the default behaviour given at start. */
    public void reset() {
        script.reset();
    }

    /** Stops listening and cuts every open connection, including hanging and streaming ones. */
    @Override
    public void close() {
        http.close();
    }

    private String hostForUrl() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    public static final class Builder {

        private String host = "127.0.0.1";
        private int port;
        private Set<String> servedModels = Set.of();
        private Set<String> unavailableModels = UNAVAILABLE_BY_DEFAULT;
        private Set<String> stoppedEndpointModels = STOPPED_ENDPOINTS_BY_DEFAULT;
        private Set<String> unknownModels = Set.of();
        private String apiKey;
        private Behaviour defaultBehaviour = Behaviour.normal();
        private Long seed;
        private int maxRecordedCalls = 10_000;
        private long maxRecordedBytes = DEFAULT_MAX_RECORDED_BYTES;

        private Builder() {}

        /** The address to bind; 127.0.0.1 unless told otherwise. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** The models served; empty (the default) serves any model name. Others answer 404. */
        public Builder servedModels(Collection<String> models) {
            this.servedModels = Set.copyOf(models);
            return this;
        }

        /** Models that answer 400 {@code model_not_available}; by default {@link #UNAVAILABLE_BY_DEFAULT}. */
        public Builder unavailableModels(Collection<String> models) {
            this.unavailableModels = Set.copyOf(models);
            return this;
        }

        /**
         * Models that answer 400 {@code dedicated_endpoint_not_running}; by default {@link
         * #STOPPED_ENDPOINTS_BY_DEFAULT}.
         */
        public Builder stoppedEndpointModels(Collection<String> models) {
            this.stoppedEndpointModels = Set.copyOf(models);
            return this;
        }

        /** Models that answer 404 {@code model_not_found}. */
        public Builder unknownModels(Collection<String> models) {
            this.unknownModels = Set.copyOf(models);
            return this;
        }

        /** The only API key accepted; null (the default) accepts any non-empty key. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** The default behaviour at start and after {@link OfflineLlmServer#reset()}. */
        public Builder defaultBehaviour(Behaviour behaviour) {
            this.defaultBehaviour = Objects.requireNonNull(behaviour, "behaviour");
            return this;
        }

        /** Makes generated replies and ids repeatable. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** How many calls {@link OfflineLlmServer#calls()} keeps (the oldest are dropped). */
        public Builder maxRecordedCalls(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxRecordedCalls must not be negative");
            }
            this.maxRecordedCalls = max;
            return this;
        }

        /**
         * How much of the heap the recorded calls may hold, roughly (oldest dropped first); 64 MB by
         * default, which an in-test server's heap affords.
         */
        public Builder maxRecordedBytes(long max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxRecordedBytes must not be negative");
            }
            this.maxRecordedBytes = max;
            return this;
        }

        /** Binds and starts serving; throws {@link UncheckedIOException} when the port is taken. */
        public OfflineLlmServer start() {
            Script script = new Script(defaultBehaviour, maxRecordedCalls, maxRecordedBytes);
            Supplier<RandomGenerator> random;
            if (seed == null) {
                random = ThreadLocalRandom::current;
            } else {
                Random shared = new Random(seed);
                random = () -> shared;
            }
            Routes routes = new Routes(
                    script,
                    new Routes.Models(servedModels, unavailableModels, stoppedEndpointModels, unknownModels),
                    apiKey,
                    random);
            try {
                MiniHttpServer http = MiniHttpServer.start(InetAddress.getByName(host), port, routes);
                Thread.ofVirtual().name("offline-llm-warm-up").start(Routes::warmUp);
                return new OfflineLlmServer(http, script, host);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the offline LLM on " + host + ":" + port, e);
            }
        }
    }
}
