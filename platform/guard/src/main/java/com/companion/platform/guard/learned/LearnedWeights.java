package com.companion.platform.guard.learned;

import com.companion.platform.guard.Category;
import com.companion.platform.guard.Policy;
import com.companion.platform.guard.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The learned layer's parameters, trained from the labelled corpus by the training tool and committed as
 * {@code weights.json} next to this class. {@code corpusSha256} is checked by a unit test against the corpus in the
 * repository, so a corpus change without retraining fails the build.
 *
 * @param modelId the embedding model the weights belong to ({@link SentenceEmbedder#MODEL_ID})
 * @param corpusSha256 SHA-256 of the canonical training lines
 * @param corpusLines how many labelled lines the weights were trained on
 * @param normalizedInput true when each sentence is run through the guard's {@code Normalizer} before embedding
 *     (undoing leetspeak, spacing and look-alikes)
 * @param training how the weights were trained, for the record
 * @param heads one logistic-regression head per category (S4, S3, S11, S12), and the {@link #MINOR_AGE} head, which
 *     reads whether someone under 18 is mentioned at all (trained on harmless lines); each head's threshold is where it
 *     blocks on its own (for the minor-age head: where it counts as a minor mentioned)
 * @param minorSexualThreshold with a minor mentioned (the minor-age head at or above its threshold), the S12 score at
 *     or above which the text is sexual content with a minor (S4): how the layer reads an age given in passing
 * @param contextThreshold with a minor established earlier in the conversation, the max of the S12 and S4 scores at or
 *     above which the text is sexual intent towards that minor
 * @param nonConsentKinds the mean embedding of each kind of S3 training line, keyed by policy code: the nearest names
 *     the policy (non-consent, incest, bestiality) of an S3 block
 * @param sexualReleaseThreshold a user's message that the rules block only as sexual content outside adult mode
 *     (a sexual word, nothing graphic, nothing never-allowed) is allowed, flagged {@link
 *     com.companion.platform.guard.Flag#SUSPICIOUS}, when its S12 score is below this (and no head blocks it): medical,
 *     legal and educational questions that use sexual words. 0 releases nothing (weights from before it existed)
 * @param gate MiniLM-only heads that decide which windows need e5 at all; null runs both models on every window
 */
public record LearnedWeights(
        String modelId,
        String corpusSha256,
        int corpusLines,
        boolean normalizedInput,
        Training training,
        Map<String, Head> heads,
        double minorSexualThreshold,
        double contextThreshold,
        Map<String, float[]> nonConsentKinds,
        double sexualReleaseThreshold,
        Gate gate) {

    /** Weights without a gate: both models run on every window. */
    public LearnedWeights(
            String modelId,
            String corpusSha256,
            int corpusLines,
            boolean normalizedInput,
            Training training,
            Map<String, Head> heads,
            double minorSexualThreshold,
            double contextThreshold,
            Map<String, float[]> nonConsentKinds,
            double sexualReleaseThreshold) {
        this(
                modelId,
                corpusSha256,
                corpusLines,
                normalizedInput,
                training,
                heads,
                minorSexualThreshold,
                contextThreshold,
                nonConsentKinds,
                sexualReleaseThreshold,
                null);
    }

    /** Weights without a release threshold: the rules' sexual-content blocks all stand. */
    public LearnedWeights(
            String modelId,
            String corpusSha256,
            int corpusLines,
            boolean normalizedInput,
            Training training,
            Map<String, Head> heads,
            double minorSexualThreshold,
            double contextThreshold,
            Map<String, float[]> nonConsentKinds) {
        this(
                modelId,
                corpusSha256,
                corpusLines,
                normalizedInput,
                training,
                heads,
                minorSexualThreshold,
                contextThreshold,
                nonConsentKinds,
                0);
    }

    /** These weights with this gate in front of e5. */
    public LearnedWeights withGate(Gate gate) {
        return new LearnedWeights(
                modelId,
                corpusSha256,
                corpusLines,
                normalizedInput,
                training,
                heads,
                minorSexualThreshold,
                contextThreshold,
                nonConsentKinds,
                sexualReleaseThreshold,
                gate);
    }

    /** The categories the learned layer scores, most severe first. */
    public static final List<Category> CATEGORIES = List.of(Category.S4, Category.S3, Category.S11, Category.S12);

    /** The head that reads whether a person under 18 is mentioned (an age, a school year, a life stage). */
    public static final String MINOR_AGE = "minor-age";

    static final String RESOURCE = "weights.json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** Indented objects, each array on one line: readable, and diffs stay small. */
    private static final DefaultPrettyPrinter PRETTY =
            new DefaultPrettyPrinter().withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance());

    public LearnedWeights {
        Objects.requireNonNull(modelId, "modelId");
        heads = Map.copyOf(heads);
        nonConsentKinds = Map.copyOf(nonConsentKinds);
        for (String key : java.util.stream.Stream.concat(
                        CATEGORIES.stream().map(Category::code), java.util.stream.Stream.of(MINOR_AGE))
                .toList()) {
            Head head = heads.get(key);
            if (head == null || head.weights().length != SentenceEmbedder.DIMENSIONS) {
                throw new IllegalArgumentException("no " + SentenceEmbedder.DIMENSIONS + "-weight head for " + key);
            }
        }
        for (String kind : nonConsentKinds.keySet()) {
            Policy policy =
                    Policy.valueOf(kind.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            if (policy.category().orElse(null) != Category.S3) {
                throw new IllegalArgumentException(kind + " is not an S3 policy");
            }
        }
    }

    /**
     * @param seed for the fold assignment (the only randomness)
     * @param folds cross-validation folds used to choose the thresholds
     * @param l2 the L2 penalty on the weights
     * @param l1 the L1 penalty on the word-piece weights (most become zero and are not stored)
     * @param iterations full-batch gradient steps (Nesterov momentum)
     * @param falseBlockBudgets per category, the share of allowed training lines the head may block on top of the
     *     rules, out of fold; the threshold is the lowest score within that budget
     */
    public record Training(
            long seed, int folds, double l2, double l1, int iterations, Map<String, Double> falseBlockBudgets) {}

    /**
     * A logistic-regression head: score = sigmoid(bias + weights · features + scale · Σ lexical weights present).
     *
     * @param bias the intercept
     * @param threshold the score at or above which the head blocks
     * @param weights one per feature of {@link SentenceEmbedder.Window#features()}
     * @param lexicalIds the lexical features ({@link Lexical}) with a weight, ascending; absent ones weigh 0
     * @param lexicalWeights their weights
     */
    public record Head(double bias, double threshold, double[] weights, int[] lexicalIds, double[] lexicalWeights) {

        public Head {
            if (lexicalIds.length != lexicalWeights.length) {
                throw new IllegalArgumentException("one weight per lexical feature");
            }
            for (int i = 1; i < lexicalIds.length; i++) {
                if (lexicalIds[i] <= lexicalIds[i - 1]) {
                    throw new IllegalArgumentException("lexical features must be ascending");
                }
            }
        }

        /** @param lexical the window's lexical features, from {@link Lexical#features} */
        double score(float[] features, int[] lexical) {
            double z = bias;
            for (int i = 0; i < weights.length; i++) {
                z += weights[i] * features[i];
            }
            double words = 0;
            for (int feature : lexical) {
                int at = java.util.Arrays.binarySearch(lexicalIds, feature);
                if (at >= 0) {
                    words += lexicalWeights[at];
                }
            }
            z += Lexical.scale(lexical) * words;
            return 1 / (1 + Math.exp(-z));
        }
    }

    /**
     * The cascade in front of e5: one head per category and the minor-age head, each reading MiniLM's half of a window
     * ({@link SentenceEmbedder#MODEL_DIMENSIONS} weights) and its word pieces, trained like the full heads. A window
     * whose every gate score stays below that head's gate threshold for the stage is judged on those scores, without
     * e5 (the most expensive part of a check: twelve layers to MiniLM's six); any score at or above sends it to both
     * models and the full heads. Each gate threshold is the lowest out-of-fold gate score among the training lines whose
     * full score, out of fold, reaches the lowest threshold at which that head's score can change a verdict on that
     * stage (the head's own, the composite's, the context's, the joined reading's cost gate, the release), and never
     * above it: on the training corpus no line the full model could act on is judged by the gate alone.
     *
     * @param heads by head name ({@code S4}, …, {@link #MINOR_AGE}), {@link SentenceEmbedder#MODEL_DIMENSIONS} weights
     *     each
     * @param input gate threshold per head for users' messages and creator texts
     * @param output gate threshold per head for model output
     */
    public record Gate(Map<String, Head> heads, Map<String, Double> input, Map<String, Double> output) {

        public Gate {
            heads = Map.copyOf(heads);
            input = Map.copyOf(input);
            output = Map.copyOf(output);
            if (!heads.keySet().equals(java.util.Set.of("S4", "S3", "S11", "S12", MINOR_AGE))) {
                throw new IllegalArgumentException(
                        "a gate head per category and " + MINOR_AGE + ", not " + heads.keySet());
            }
            for (String key : heads.keySet()) {
                if (heads.get(key).weights().length != SentenceEmbedder.MODEL_DIMENSIONS
                        || !input.containsKey(key)
                        || !output.containsKey(key)) {
                    throw new IllegalArgumentException("gate head " + key + " needs "
                            + SentenceEmbedder.MODEL_DIMENSIONS + " weights and a threshold per stage");
                }
            }
        }

        /** Whether the window (MiniLM's half at least) needs e5 on this stage: some gate score reaches its threshold. */
        public boolean needsSecond(SentenceEmbedder.Window window, Stage stage) {
            Map<String, Double> thresholds = stage == Stage.OUTPUT ? output : input;
            int[] lexical = Lexical.features(window.ids());
            for (Map.Entry<String, Head> head : heads.entrySet()) {
                if (head.getValue().score(window.features(), lexical) >= thresholds.get(head.getKey())) {
                    return true;
                }
            }
            return false;
        }

        Head head(String name) {
            return heads.get(name);
        }
    }

    public Head head(Category category) {
        return heads.get(category.code());
    }

    public Head minorAge() {
        return heads.get(MINOR_AGE);
    }

    /** The committed weights. */
    public static LearnedWeights committed() {
        try (InputStream in = LearnedWeights.class.getResourceAsStream(RESOURCE)) {
            return read(Objects.requireNonNull(in, RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LearnedWeights read(InputStream in) {
        return JSON.readValue(in, LearnedWeights.class);
    }

    /**
     * The first 12 hex digits of the SHA-256 of these weights as {@link #toJson()} writes them, with the output
     * thresholds they are used with ({@link OutputThresholds#CALIBRATED}): what names them in {@link
     * LearnedGuard#version()}.
     */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(toJson().getBytes(StandardCharsets.UTF_8));
            sha.update(OutputThresholds.CALIBRATED.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String toJson() {
        return JSON.writer().with(PRETTY).writeValueAsString(this) + "\n";
    }
}
