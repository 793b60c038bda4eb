package com.companion.platform.guard.learned;

import com.companion.platform.guard.Category;
import com.companion.platform.guard.Policy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * @param heads one logistic-regression head per category (S4, S3, S11, S12): score = sigmoid(weights · x + bias)
 * @param contextThreshold with a minor established earlier in the conversation, the max of the S12 and S4 scores at or
 *     above which the text is sexual intent towards that minor
 * @param nonConsentKinds the mean embedding of each kind of S3 training line, keyed by policy code: the nearest names
 *     the policy (non-consent, incest, bestiality) of an S3 block
 */
public record LearnedWeights(
        String modelId,
        String corpusSha256,
        int corpusLines,
        boolean normalizedInput,
        Training training,
        Map<String, Head> heads,
        double contextThreshold,
        Map<String, float[]> nonConsentKinds) {

    /** The categories the learned layer scores, most severe first. */
    public static final List<Category> CATEGORIES = List.of(Category.S4, Category.S3, Category.S11, Category.S12);

    static final String RESOURCE = "weights.json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    public LearnedWeights {
        Objects.requireNonNull(modelId, "modelId");
        heads = Map.copyOf(heads);
        nonConsentKinds = Map.copyOf(nonConsentKinds);
        for (Category category : CATEGORIES) {
            Head head = heads.get(category.code());
            if (head == null || head.weights().length != SentenceEmbedder.DIMENSIONS) {
                throw new IllegalArgumentException(
                        "no " + SentenceEmbedder.DIMENSIONS + "-weight head for " + category);
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
     * @param iterations full-batch gradient steps (Nesterov momentum)
     * @param falseBlockBudgets per category, the share of allowed training lines the head may block on top of the
     *     rules, out of fold; the threshold is the lowest score within that budget
     */
    public record Training(long seed, int folds, double l2, int iterations, Map<String, Double> falseBlockBudgets) {}

    /**
     * @param bias the intercept
     * @param threshold the score at or above which the head blocks
     * @param weights one per embedding dimension
     */
    public record Head(double bias, double threshold, float[] weights) {

        public double score(float[] embedding) {
            double z = bias;
            for (int i = 0; i < weights.length; i++) {
                z += weights[i] * embedding[i];
            }
            return 1 / (1 + Math.exp(-z));
        }
    }

    public Head head(Category category) {
        return heads.get(category.code());
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

    public String toJson() {
        return JSON.writeValueAsString(this) + "\n";
    }
}
