package com.companion.platform.guard.learned;

import com.companion.platform.guard.Category;
import com.companion.platform.guard.Flag;
import com.companion.platform.guard.Policy;
import com.companion.platform.guard.Stage;
import com.companion.platform.guard.Verdict;
import com.companion.platform.guard.learned.LearnedGuard.Scores;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Trains the learned layer: one logistic-regression head per category on the sentence embeddings (one-vs-rest, L2,
 * class-balanced, full-batch gradient descent with Nesterov momentum from zero, so the result depends only on the data
 * and the seeded fold assignment), then the thresholds by k-fold cross-validation on the training lines alone.
 *
 * <p>Which lines teach which head:
 *
 * <ul>
 *   <li>S4, S3, S11: the category's blocked lines against every other line (adult sexual content teaches S4 what is
 *       not about a minor; support disclosures teach S11 what is not encouragement).
 *   <li>S12 (sexual content, blocking outside adult mode): S12, S4 and S3 lines against allowed clean-mode lines and
 *       S11 lines. Allowed adult-mode lines are left out: suggestive content between adults is allowed there and
 *       would be S12 anywhere else.
 * </ul>
 *
 * <p>A head's threshold is the lowest score at which, out of fold, it blocks no more than its budget of the allowed
 * lines the rules let through (allowed lines it could block: clean-mode ones for S12; not the rules' support
 * disclosures on input for S11).
 */
final class Trainer {

    static final long SEED = 20261204L;
    /** Embed each sentence as the rules see it (leetspeak, spacing and look-alikes undone) rather than as written. */
    static final boolean NORMALIZED_INPUT = false;

    static final int FOLDS = 5;
    static final double L2 = 1e-4;
    static final int ITERATIONS = 150;
    static final Map<String, Double> BUDGETS =
            new TreeMap<>(Map.of("S4", 0.005, "S3", 0.005, "S11", 0.0025, "S12", 0.0075));
    /** In a conversation with a minor established, the share of allowed clean-mode lines that may read as sexual intent. */
    static final double CONTEXT_BUDGET = 0.02;

    static final List<Category> HEADS = LearnedWeights.CATEGORIES;

    /**
     * @param line the labelled line
     * @param windows its window embeddings, as the guard scores them
     * @param pooled the windows' mean at unit length, the training example
     * @param rules the rule layer's verdict on it
     */
    record Example(Corpus.Line line, List<float[]> windows, float[] pooled, Verdict rules) {}

    private Trainer() {}

    /** Weights with thresholds chosen by cross-validation on these examples alone. */
    static LearnedWeights train(List<Example> examples, boolean normalized, String corpusSha256) {
        double[][] oof = outOfFoldScores(examples, normalized);
        Raw raw = fit(examples);
        Map<String, LearnedWeights.Head> heads = new HashMap<>();
        for (int h = 0; h < HEADS.size(); h++) {
            Category category = HEADS.get(h);
            double threshold = threshold(examples, oof, h, BUDGETS.get(category.code()));
            heads.put(category.code(), new LearnedWeights.Head(raw.bias[h], threshold, raw.weights[h]));
        }
        double context = contextThreshold(examples, oof);
        return new LearnedWeights(
                SentenceEmbedder.MODEL_ID,
                corpusSha256,
                examples.size(),
                normalized,
                new LearnedWeights.Training(SEED, FOLDS, L2, ITERATIONS, BUDGETS),
                heads,
                context,
                kinds(examples));
    }

    /** Each example's per-head score from heads trained without its fold: [example][head]. */
    static double[][] outOfFoldScores(List<Example> examples, boolean normalized) {
        int[] fold = folds(examples, FOLDS, SEED);
        double[][] scores = new double[examples.size()][];
        List<double[][]> perFold = IntStream.range(0, FOLDS)
                .parallel()
                .mapToObj(f -> {
                    List<Example> train = new ArrayList<>();
                    for (int i = 0; i < examples.size(); i++) {
                        if (fold[i] != f) {
                            train.add(examples.get(i));
                        }
                    }
                    LearnedWeights w = fit(train).weights(normalized);
                    double[][] s = new double[examples.size()][];
                    for (int i = 0; i < examples.size(); i++) {
                        if (fold[i] == f) {
                            Scores sc = Scores.of(examples.get(i).windows(), w);
                            s[i] = HEADS.stream().mapToDouble(sc::of).toArray();
                        }
                    }
                    return s;
                })
                .toList();
        for (double[][] s : perFold) {
            for (int i = 0; i < s.length; i++) {
                if (s[i] != null) {
                    scores[i] = s[i];
                }
            }
        }
        return scores;
    }

    /** Fold of each example: stratified by label and category, shuffled with a fixed seed. */
    static int[] folds(List<Example> examples, int k, long seed) {
        Map<String, List<Integer>> strata = new TreeMap<>();
        for (int i = 0; i < examples.size(); i++) {
            Corpus.Line line = examples.get(i).line();
            strata.computeIfAbsent(line.blocked() + line.category(), s -> new ArrayList<>())
                    .add(i);
        }
        int[] fold = new int[examples.size()];
        Random random = new Random(seed);
        int next = 0;
        for (List<Integer> members : strata.values()) {
            Collections.shuffle(members, random);
            for (int index : members) {
                fold[index] = next++ % k;
            }
        }
        return fold;
    }

    /** +1 positive, 0 negative, -1 not used, per head. */
    static int target(Corpus.Line line, Category head) {
        String c = line.blocked() ? line.category() : "-";
        return switch (head) {
            case S12 -> {
                if (c.equals("S12") || c.equals("S4") || c.equals("S3")) {
                    yield 1;
                }
                yield line.blocked() || line.audience() == com.companion.platform.guard.Audience.CLEAN ? 0 : -1;
            }
            default -> c.equals(head.code()) ? 1 : 0;
        };
    }

    /** Whether a head firing on this allowed line would block it (see {@link LearnedGuard#decide}). */
    static boolean couldBlock(Example e, Category head) {
        Corpus.Line line = e.line();
        return switch (head) {
            case S12 -> !line.audience().adultMode();
            case S11 -> !(line.stage() == Stage.INPUT && e.rules().has(Flag.SUPPORT));
            default -> true;
        };
    }

    static double threshold(List<Example> examples, double[][] oof, int head, double budget) {
        List<Double> negatives = new ArrayList<>();
        int pool = 0;
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            if (e.line().blocked() || !couldBlock(e, HEADS.get(head))) {
                continue;
            }
            pool++;
            if (e.rules().allowed()) {
                negatives.add(oof[i][head]);
            }
        }
        return cut(negatives, (int) Math.floor(budget * pool));
    }

    static double contextThreshold(List<Example> examples, double[][] oof) {
        int s4 = HEADS.indexOf(Category.S4);
        int s12 = HEADS.indexOf(Category.S12);
        List<Double> negatives = new ArrayList<>();
        int pool = 0;
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            if (e.line().blocked() || e.line().audience().adultMode()) {
                continue;
            }
            pool++;
            if (e.rules().allowed()) {
                negatives.add(Math.max(oof[i][s4], oof[i][s12]));
            }
        }
        return cut(negatives, (int) Math.floor(CONTEXT_BUDGET * pool));
    }

    /** A threshold that lets at most {@code allowance} of these scores reach it: midway past the next highest. */
    static double cut(List<Double> negatives, int allowance) {
        List<Double> sorted = new ArrayList<>(negatives);
        sorted.sort(Collections.reverseOrder());
        if (allowance >= sorted.size()) {
            return 0.5;
        }
        double firstKept = sorted.get(allowance);
        double lastBlocked = allowance == 0 ? 1.0 : sorted.get(allowance - 1);
        return (firstKept + lastBlocked) / 2;
    }

    static Map<String, float[]> kinds(List<Example> examples) {
        Map<String, float[]> centroids = new TreeMap<>();
        for (Policy kind : List.of(Policy.NON_CONSENT, Policy.INCEST, Policy.BESTIALITY)) {
            List<float[]> members = examples.stream()
                    .filter(e -> e.line().nonConsentKind() == kind)
                    .map(Example::pooled)
                    .toList();
            if (!members.isEmpty()) {
                centroids.put(kind.code(), Embeddings.pooled(members));
            }
        }
        return centroids;
    }

    /** Unthresholded heads. */
    record Raw(float[][] weights, double[] bias) {

        LearnedWeights weights(boolean normalized) {
            Map<String, LearnedWeights.Head> heads = new HashMap<>();
            for (int h = 0; h < HEADS.size(); h++) {
                heads.put(HEADS.get(h).code(), new LearnedWeights.Head(bias[h], 0.5, weights[h]));
            }
            return new LearnedWeights(
                    SentenceEmbedder.MODEL_ID,
                    "",
                    0,
                    normalized,
                    new LearnedWeights.Training(SEED, FOLDS, L2, ITERATIONS, BUDGETS),
                    heads,
                    0.5,
                    Map.of());
        }
    }

    /**
     * Each head by Nesterov's accelerated gradient: class-balanced logistic loss plus L2, from zero. The features are
     * centred on the head's weighted mean, which decouples the intercept from the weights, so each gets its own fixed
     * step from its curvature bound (1/4 of the largest eigenvalue of the weighted covariance, by power iteration,
     * with a margin; 1/4 of the total weight for the intercept). The features are kept row- and column-major so that
     * both products (X·w and Xᵀ·r) are element-wise loops the JIT vectorises; nothing is summed in a varying order, so
     * every run gives the same weights.
     */
    static Raw fit(List<Example> examples) {
        int n = examples.size();
        int d = SentenceEmbedder.DIMENSIONS;
        int heads = HEADS.size();
        float[][] rows = new float[n][];
        float[][] columns = new float[d][n];
        for (int i = 0; i < n; i++) {
            rows[i] = examples.get(i).pooled();
            for (int j = 0; j < d; j++) {
                columns[j][i] = rows[i][j];
            }
        }
        float[][] weights = new float[heads][];
        double[] bias = new double[heads];
        for (int h = 0; h < heads; h++) {
            float[] alpha = new float[n];
            float[] y = new float[n];
            int[] t = new int[n];
            int pos = 0;
            int neg = 0;
            for (int i = 0; i < n; i++) {
                t[i] = target(examples.get(i).line(), HEADS.get(h));
                pos += t[i] == 1 ? 1 : 0;
                neg += t[i] == 0 ? 1 : 0;
            }
            float alphaSum = 0;
            for (int i = 0; i < n; i++) {
                y[i] = Math.max(t[i], 0);
                alpha[i] = t[i] == 1 ? 0.5f / Math.max(pos, 1) : t[i] == 0 ? 0.5f / Math.max(neg, 1) : 0;
                alphaSum += alpha[i];
            }
            float[] mean = new float[d];
            gradient(rows, alpha, null, mean);
            for (int j = 0; j < d; j++) {
                mean[j] /= alphaSum;
            }
            float step = (float) (1 / (0.25 * 1.5 * largestEigenvalue(rows, columns, alpha, mean) + L2));
            float stepB = 1 / (0.25f * alphaSum);
            float[] w = new float[d];
            float[] previous = new float[d];
            float[] v = new float[d];
            float[] g = new float[d];
            float[] z = new float[n];
            float b = 0;
            float previousB = 0;
            for (int iter = 1; iter <= ITERATIONS; iter++) {
                float momentum = (iter - 1f) / (iter + 2f);
                for (int j = 0; j < d; j++) {
                    v[j] = w[j] + momentum * (w[j] - previous[j]);
                }
                float vb = b + momentum * (b - previousB);
                scores(columns, v, vb - dot(v, mean), z);
                float gb = 0;
                for (int i = 0; i < n; i++) {
                    z[i] = alpha[i] * ((float) (1 / (1 + Math.exp(-z[i]))) - y[i]);
                    gb += z[i];
                }
                gradient(rows, z, mean, g);
                System.arraycopy(w, 0, previous, 0, d);
                previousB = b;
                for (int j = 0; j < d; j++) {
                    w[j] = v[j] - step * (g[j] + (float) L2 * v[j]);
                }
                b = vb - stepB * gb;
                if (DEBUG && (iter % 50 == 0 || iter < 4)) {
                    scores(columns, w, b - dot(w, mean), z);
                    double loss = 0;
                    for (int i = 0; i < n; i++) {
                        double p = 1 / (1 + Math.exp(-z[i]));
                        loss -= alpha[i] * (y[i] == 1 ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12));
                    }
                    System.out.printf(
                            "head %s iter %d step %.2f loss %.5f |w| %.2f%n",
                            HEADS.get(h), iter, step, loss, Math.sqrt(dot(w, w)));
                }
            }
            weights[h] = w;
            bias[h] = b - dot(w, mean);
        }
        return new Raw(weights, bias);
    }

    static final boolean DEBUG = System.getenv("GUARD_TRAIN_DEBUG") != null;

    /** z = X·v + b, column by column. */
    private static void scores(float[][] columns, float[] v, float b, float[] z) {
        Arrays.fill(z, b);
        for (int j = 0; j < columns.length; j++) {
            float vj = v[j];
            float[] column = columns[j];
            for (int i = 0; i < z.length; i++) {
                z[i] += vj * column[i];
            }
        }
    }

    /** g = Σ r_i (x_i − mean), row by row; a null mean is zero. */
    private static void gradient(float[][] rows, float[] r, float[] mean, float[] g) {
        Arrays.fill(g, 0);
        float sum = 0;
        for (int i = 0; i < rows.length; i++) {
            float ri = r[i];
            if (ri == 0) {
                continue;
            }
            sum += ri;
            float[] row = rows[i];
            for (int j = 0; j < g.length; j++) {
                g[j] += ri * row[j];
            }
        }
        if (mean != null) {
            for (int j = 0; j < g.length; j++) {
                g[j] -= sum * mean[j];
            }
        }
    }

    private static double largestEigenvalue(float[][] rows, float[][] columns, float[] alpha, float[] mean) {
        int d = columns.length;
        float[] v = new float[d];
        Arrays.fill(v, (float) (1 / Math.sqrt(d)));
        float[] z = new float[rows.length];
        float[] next = new float[d];
        double lambda = 0;
        for (int iter = 0; iter < 50; iter++) {
            scores(columns, v, -dot(v, mean), z);
            for (int i = 0; i < z.length; i++) {
                z[i] *= alpha[i];
            }
            gradient(rows, z, mean, next);
            double norm = Math.sqrt(dot(next, next));
            if (norm == 0) {
                break;
            }
            lambda = norm;
            for (int j = 0; j < d; j++) {
                v[j] = (float) (next[j] / norm);
            }
        }
        return lambda;
    }

    private static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
