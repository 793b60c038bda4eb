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
 * Trains the learned layer: one logistic-regression head per category, and one for "a minor is mentioned", on the
 * sentence embedding plus the window's word pieces ({@link Lexical}); one-vs-rest, L2 (and L1 on the word pieces),
 * class-balanced, full-batch gradient descent with Nesterov momentum from zero (proximal for the L1 part), so the result depends only on the data and the seeded fold
 * assignment. The thresholds come from k-fold cross-validation on the training lines alone.
 *
 * <p>Which lines teach which head:
 *
 * <ul>
 *   <li>S4, S3, S11: the category's blocked lines against every other line (adult sexual content teaches S4 what is
 *       not about a minor; support disclosures teach S11 what is not encouragement).
 *   <li>S12 (sexual content, blocking outside adult mode): S12, S4 and S3 lines against allowed clean-mode lines and
 *       S11 lines. Allowed adult-mode lines are left out: suggestive content between adults is allowed there and
 *       would be S12 anywhere else.
 *   <li>minor-age: the harmless lines that mention someone under 18 ({@code signal-minor-age.tsv}) and the S4 lines,
 *       against adults with ages, numbers that are not ages, adult sexual content and everyday talk. With the S12
 *       head it makes the composite S4: a minor mentioned and sexual content, however the age is put.
 * </ul>
 *
 * <p>A head's threshold is the lowest score at which, out of fold, it blocks no more than its budget of the allowed
 * lines the rules let through (allowed lines it could block: clean-mode ones for S12; not the rules' support
 * disclosures on input for S11).
 */
final class Trainer {

    static final long SEED = 20261204L;
    /** Embed each sentence as the rules see it (leetspeak, spacing and look-alikes undone) rather than as written. */
    static final boolean NORMALIZED_INPUT = true;

    static final int FOLDS = 5;
    static final double L2 = Double.parseDouble(System.getenv().getOrDefault("GUARD_L2", "1e-4"));
    /** On the word-piece weights only: most of them become exactly zero, which keeps the weights file small. */
    static final double L1 = 5e-5;

    static final int ITERATIONS = Integer.parseInt(System.getenv().getOrDefault("GUARD_ITERATIONS", "60"));
    /**
     * Out-of-fold false-block budgets, as a share of the allowed lines: per category head; for the composite S4
     * (minor mentioned and sexual); and, in a conversation that established a minor, for sexual intent. Chosen with
     * {@link LearnedEvaluationTest}: the highest cross-validated never-allowed recall whose total false-block rate
     * (rules included) stays under 2.5 %; S3 gets the largest share because it gains most per false block. Second
     * round (3,959 lines, harder benign lines): the first round's budgets gave 0.802 / 2.98 %; scaled by 0.8 they give
     * 0.785 / 2.50 % (0.7: 0.778 / 2.32 %). Fifth round (6,010 lines: blind4 to blind7 joined the corpus; the rules'
     * help exemption for carers and questions about the law freed 15 false blocks): x1.0 0.764 / 2.19 %, x1.25 (these
     * values) 0.784 / 2.48 %, x1.5 0.790 / 2.72 %. Ninth round (8,019 lines: dev14 and round 9 joined): the context budget 2 % -> 2.5 %, which
     * keeps its threshold where it was (0.761; at 2 % the new clean hard negatives lifted it to 0.799, and blind2 lost 5
     * of its 87 never-allowed conversations for 2 fewer false blocks). For experiments, GUARD_BUDGET_SCALE and GUARD_BUDGET_S3 (etc.),
     * GUARD_ITERATIONS and GUARD_L2 in the environment override the committed values (LearnedWeightsTest then fails
     * until they are put back).
     */
    static final Map<String, Double> BUDGETS = scaled(Map.of(
            "S4",
            0.004,
            "S3",
            0.007,
            "S11",
            0.002,
            "S12",
            0.002,
            "minor-age+S12",
            0.004,
            "context",
            0.025,
            "S12-release",
            0.025));

    private static Map<String, Double> scaled(Map<String, Double> budgets) {
        double scale = Double.parseDouble(System.getenv().getOrDefault("GUARD_BUDGET_SCALE", "1"));
        Map<String, Double> out = new TreeMap<>();
        budgets.forEach((k, v) -> out.put(
                k,
                Double.parseDouble(System.getenv()
                        .getOrDefault(
                                "GUARD_BUDGET_" + k.replaceAll("[^A-Za-z0-9]", "_"), String.valueOf(v * scale)))));
        return out;
    }

    static final double CONTEXT_BUDGET = BUDGETS.get("context");

    static final double COMPOSITE_BUDGET = BUDGETS.get("minor-age+S12");

    static final List<Category> CATEGORIES = LearnedWeights.CATEGORIES;

    /** The four category heads, then the minor-age head. */
    static final List<String> HEADS = List.of("S4", "S3", "S11", "S12", LearnedWeights.MINOR_AGE);

    static final int S4 = 0;
    static final int S12 = 3;
    static final int MINOR = 4;

    /**
     * @param line the labelled line
     * @param windows its windows, as the guard scores them
     * @param pooled the mean of the windows' features: the training example
     * @param lexical the lexical features of all its windows
     * @param rules the rule layer's verdict on it
     */
    record Example(
            Corpus.Line line, List<SentenceEmbedder.Window> windows, float[] pooled, int[] lexical, Verdict rules) {}

    private Trainer() {}

    /** Weights with thresholds chosen by cross-validation on these examples alone. */
    static LearnedWeights train(List<Example> examples, boolean normalized, String corpusSha256) {
        double[][] oof = outOfFoldScores(examples, normalized);
        Raw raw = fit(examples);
        double[] thresholds = new double[HEADS.size()];
        for (int h = 0; h < CATEGORIES.size(); h++) {
            thresholds[h] = threshold(examples, oof, h, BUDGETS.get(HEADS.get(h)));
        }
        double[] composite = compositeThresholds(examples, oof, thresholds[S4]);
        thresholds[MINOR] = composite[0];
        Map<String, LearnedWeights.Head> heads = new HashMap<>();
        for (int h = 0; h < HEADS.size(); h++) {
            heads.put(HEADS.get(h), raw.head(h, thresholds[h]));
        }
        LearnedWeights full = new LearnedWeights(
                SentenceEmbedder.MODEL_ID,
                corpusSha256,
                examples.size(),
                normalized,
                training(),
                heads,
                composite[1],
                contextThreshold(examples, oof),
                kinds(examples),
                releaseThreshold(examples, oof));
        return full.withGate(gate(examples, oof, normalized, full));
    }

    /**
     * The gate in front of e5 ({@link LearnedWeights.Gate}): heads trained on MiniLM's half of every example alone, with
     * per stage and head the lowest out-of-fold gate score among the examples whose full out-of-fold score reaches
     * that head's floor ({@link #floors}), never above the floor.
     */
    static LearnedWeights.Gate gate(List<Example> examples, double[][] oof, boolean normalized, LearnedWeights full) {
        List<Example> firstModel =
                examples.stream().map(Trainer::firstModelOnly).toList();
        double[][] gateOof = outOfFoldScores(firstModel, normalized);
        Raw raw = fit(firstModel);
        Map<String, LearnedWeights.Head> heads = new HashMap<>();
        Map<String, Double> input = new HashMap<>();
        Map<String, Double> output = new HashMap<>();
        double[] inputFloors = floors(full, Stage.INPUT);
        double[] outputFloors = floors(full, Stage.OUTPUT);
        for (int h = 0; h < HEADS.size(); h++) {
            LearnedWeights.Head head = raw.head(h, 0);
            heads.put(
                    HEADS.get(h),
                    new LearnedWeights.Head(
                            head.bias(),
                            0,
                            Arrays.copyOf(head.weights(), SentenceEmbedder.MODEL_DIMENSIONS),
                            head.lexicalIds(),
                            head.lexicalWeights()));
            input.put(HEADS.get(h), gateThreshold(oof, gateOof, h, inputFloors[h]));
            output.put(HEADS.get(h), gateThreshold(oof, gateOof, h, outputFloors[h]));
        }
        return new LearnedWeights.Gate(heads, input, output);
    }

    /**
     * Per head, the lowest score at which it can change a verdict on this stage ({@link LearnedGuard#decide}): its own
     * threshold (on output the higher of it and the output threshold); for S4 and S12 also the context threshold (on
     * their max); for S12 also the composite's, and on input the joined reading's cost gate and the release threshold;
     * for the minor-age head its threshold.
     */
    static double[] floors(LearnedWeights weights, Stage stage) {
        OutputThresholds out = stage == Stage.OUTPUT ? OutputThresholds.CALIBRATED : OutputThresholds.INPUT;
        double context = Math.max(weights.contextThreshold(), out.context());
        double[] floors = new double[HEADS.size()];
        for (int h = 0; h < CATEGORIES.size(); h++) {
            Category category = CATEGORIES.get(h);
            floors[h] = out.of(category, weights.head(category).threshold());
        }
        floors[S4] = Math.min(floors[S4], context);
        floors[S12] =
                Math.min(floors[S12], Math.min(context, Math.max(weights.minorSexualThreshold(), out.minorSexual())));
        if (stage == Stage.INPUT) {
            floors[S12] = Math.min(
                    floors[S12],
                    Math.min(
                            LearnedGuard.JOINED_MIN_S12,
                            weights.sexualReleaseThreshold() > 0 ? weights.sexualReleaseThreshold() : 1));
        }
        floors[MINOR] = weights.minorAge().threshold();
        return floors;
    }

    /** The lowest gate score among the examples whose full score reaches the floor, at most the floor, 4 decimals down. */
    static double gateThreshold(double[][] oof, double[][] gateOof, int head, double floor) {
        double lowest = floor;
        for (int i = 0; i < oof.length; i++) {
            if (oof[i][head] >= floor) {
                lowest = Math.min(lowest, gateOof[i][head]);
            }
        }
        return Math.floor(lowest * SCALE) / SCALE;
    }

    /**
     * The example as MiniLM alone sees it: e5's half of every window (and of the pooled features) zeros. Heads trained
     * on these have zero weights there, so the windows are scored as complete ones.
     */
    static Example firstModelOnly(Example e) {
        return new Example(
                e.line(),
                e.windows().stream()
                        .map(w -> new SentenceEmbedder.Window(w.ids(), firstHalf(w.features())))
                        .toList(),
                firstHalf(e.pooled()),
                e.lexical(),
                e.rules());
    }

    static float[] firstHalf(float[] features) {
        float[] out = Arrays.copyOf(features, features.length);
        Arrays.fill(out, SentenceEmbedder.MODEL_DIMENSIONS, out.length, 0f);
        return out;
    }

    /**
     * The S12 score below which a rules block for a sexual word outside adult mode is released: out of fold, it
     * releases none of the never-allowed lines the rules blocked that way and at most {@code S12-release} of the other
     * blocked ones (S12, S11).
     */
    static double releaseThreshold(List<Example> examples, double[][] oof) {
        double lowestNeverAllowed = 1;
        List<Double> policy = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            if (!e.line().blocked()
                    || !LearnedGuard.releasable(e.rules(), e.line().context())) {
                continue;
            }
            if (e.line().neverAllowed()) {
                lowestNeverAllowed = Math.min(lowestNeverAllowed, oof[i][S12]);
            } else {
                policy.add(oof[i][S12]);
            }
        }
        Collections.sort(policy);
        int allowance = (int) Math.floor(BUDGETS.get("S12-release") * policy.size());
        double threshold =
                allowance < policy.size() ? Math.min(lowestNeverAllowed, policy.get(allowance)) : lowestNeverAllowed;
        return Math.round(threshold * 10_000) / 10_000.0;
    }

    private static final Map<List<Example>, double[][]> OUT_OF_FOLD =
            Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /**
     * Each example's per-head score from heads trained without its fold: [example][head]. Kept per example list for
     * the test JVM (training, the weights check and the output calibration ask for the same corpus).
     */
    static double[][] outOfFoldScores(List<Example> examples, boolean normalized) {
        double[][] known = OUT_OF_FOLD.get(examples);
        if (known == null) {
            known = computeOutOfFoldScores(examples, normalized);
            OUT_OF_FOLD.put(examples, known);
        }
        return known;
    }

    private static double[][] computeOutOfFoldScores(List<Example> examples, boolean normalized) {
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
                            s[i] = scores(Scores.of(examples.get(i).windows(), w));
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

    static double[] scores(Scores scores) {
        double[] out = new double[HEADS.size()];
        for (int h = 0; h < CATEGORIES.size(); h++) {
            out[h] = scores.of(CATEGORIES.get(h));
        }
        out[MINOR] = scores.minorAge();
        return out;
    }

    /** Fold of each example: stratified by label and category, shuffled with a fixed seed. */
    static int[] folds(List<Example> examples, int k, long seed) {
        Map<String, List<Integer>> strata = new TreeMap<>();
        for (int i = 0; i < examples.size(); i++) {
            Corpus.Line line = examples.get(i).line();
            String group = line.source().startsWith(Corpus.CORPUS_DIR + "/signal") ? line.source() : "";
            strata.computeIfAbsent(line.blocked() + line.category() + group, s -> new ArrayList<>())
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
    static int target(Corpus.Line line, String head) {
        String c = line.blocked() ? line.category() : "-";
        return switch (head) {
            case "S12" -> {
                if (c.equals("S12") || c.equals("S4") || c.equals("S3")) {
                    yield 1;
                }
                yield line.blocked() || !line.audience().adultMode() ? 0 : -1;
            }
            case LearnedWeights.MINOR_AGE -> {
                if (c.equals("S4") || line.source().startsWith(MINOR_SIGNALS)) {
                    yield 1;
                }
                yield ADULT_CONTRAST.stream().anyMatch(line.source()::startsWith) ? 0 : -1;
            }
            default -> c.equals(head) ? 1 : 0;
        };
    }

    /** Harmless lines that mention a person under 18: what the minor-age head learns to recognise. */
    static final String MINOR_SIGNALS = Corpus.CORPUS_DIR + "/signal-minor-age.tsv";

    /**
     * What it learns to tell them from: adults with ages and life stages, numbers that are not ages, adult sexual
     * content, everyday talk. The other files mention minors in passing (parenting, the law) and are left out.
     */
    static final List<String> ADULT_CONTRAST = List.of(
            Corpus.CORPUS_DIR + "/signal-adult-age.tsv",
            Corpus.CORPUS_DIR + "/train-allowed-adult.tsv",
            Corpus.CORPUS_DIR + "/train-blocked-sexual.tsv",
            Corpus.CORPUS_DIR + "/train-allowed-misc.tsv");

    /** Whether a category head firing on this allowed line would block it (see {@link LearnedGuard#decide}). */
    static boolean couldBlock(Example e, int head) {
        Corpus.Line line = e.line();
        return switch (HEADS.get(head)) {
            case "S12" -> !line.audience().adultMode();
            case "S11" -> !(line.stage() == Stage.INPUT && e.rules().has(Flag.SUPPORT));
            default -> true;
        };
    }

    static double threshold(List<Example> examples, double[][] oof, int head, double budget) {
        List<Double> negatives = new ArrayList<>();
        int pool = 0;
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            if (e.line().blocked() || !couldBlock(e, head)) {
                continue;
            }
            pool++;
            if (e.rules().allowed()) {
                negatives.add(oof[i][head]);
            }
        }
        return cut(negatives, (int) Math.floor(budget * pool));
    }

    /**
     * The minor-age threshold and the S12 threshold that go with it: of the pairs whose composite (minor mentioned and
     * sexual) blocks, out of fold, at most {@link #COMPOSITE_BUDGET} of the allowed lines that the rules and the S4 head
     * let through, the one that catches the most S4 lines the rules and the S4 head miss (ties: the higher
     * thresholds).
     */
    static double[] compositeThresholds(List<Example> examples, double[][] oof, double s4Threshold) {
        List<double[]> positives = new ArrayList<>();
        List<double[]> negatives = new ArrayList<>();
        int pool = 0;
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            boolean caught = e.rules().blocked() || oof[i][S4] >= s4Threshold;
            if (e.line().blocked() && e.line().category().equals("S4") && !caught) {
                positives.add(oof[i]);
            } else if (!e.line().blocked()) {
                pool++;
                if (!caught) {
                    negatives.add(oof[i]);
                }
            }
        }
        int allowance = (int) Math.floor(COMPOSITE_BUDGET * pool);
        double[] best = {0.99, 0.99};
        int bestCaught = -1;
        for (int m = 19; m >= 6; m--) {
            double minor = m * 0.05;
            for (int x = 39; x >= 2; x--) {
                double sexual = x * 0.025;
                long blocked = negatives.stream()
                        .filter(o -> o[MINOR] >= minor && o[S12] >= sexual)
                        .count();
                if (blocked > allowance) {
                    continue;
                }
                int caught = (int) positives.stream()
                        .filter(o -> o[MINOR] >= minor && o[S12] >= sexual)
                        .count();
                if (caught > bestCaught) {
                    bestCaught = caught;
                    best = new double[] {minor, sexual};
                }
            }
        }
        return best;
    }

    static double contextThreshold(List<Example> examples, double[][] oof) {
        List<Double> negatives = new ArrayList<>();
        int pool = 0;
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            if (e.line().blocked() || e.line().audience().adultMode()) {
                continue;
            }
            pool++;
            if (e.rules().allowed()) {
                negatives.add(Math.max(oof[i][S4], oof[i][S12]));
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
                centroids.put(kind.code(), Embeddings.mean(members));
            }
        }
        return centroids;
    }

    /**
     * Unthresholded heads.
     *
     * @param lexical per head, the weight of each lexical feature seen in training
     * @param used those features' ids, ascending
     */
    record Raw(float[][] weights, float[][] lexical, int[] used, double[] bias) {

        /** The head with the lexical weights that survive rounding, listed sparsely. */
        LearnedWeights.Head head(int h, double threshold) {
            int[] kept = IntStream.range(0, used.length)
                    .filter(k -> round(lexical[h][k]) != 0)
                    .toArray();
            int[] ids = new int[kept.length];
            double[] values = new double[kept.length];
            for (int i = 0; i < kept.length; i++) {
                ids[i] = used[kept[i]];
                values[i] = round(lexical[h][kept[i]]);
            }
            double[] dense = new double[weights[h].length];
            for (int j = 0; j < dense.length; j++) {
                dense[j] = round(weights[h][j]);
            }
            return new LearnedWeights.Head(bias[h], threshold, dense, ids, values);
        }

        LearnedWeights weights(boolean normalized) {
            Map<String, LearnedWeights.Head> heads = new HashMap<>();
            for (int h = 0; h < HEADS.size(); h++) {
                heads.put(HEADS.get(h), head(h, 0.5));
            }
            return new LearnedWeights(
                    SentenceEmbedder.MODEL_ID, "", 0, normalized, training(), heads, 0.5, 0.5, Map.of());
        }
    }

    /** Weights are stored to 4 decimals (the file stays small; scores move by far less than a threshold's gap). */
    static final double SCALE = 10_000;

    static double round(float w) {
        return Math.round(w * SCALE) / SCALE;
    }

    static LearnedWeights.Training training() {
        return new LearnedWeights.Training(SEED, FOLDS, L2, L1, ITERATIONS, BUDGETS);
    }

    /**
     * Each head by Nesterov's accelerated gradient: class-balanced logistic loss plus L2, from zero. The dense features
     * are centred on the head's weighted mean, which decouples the intercept from them, so the intercept gets its own
     * step (1/4 of the total weight); the weights get one fixed step from the curvature bound (1/4 of the largest
     * eigenvalue of the weighted second moment of the features, dense and lexical together, by power iteration from a
     * fixed start, with a margin). The dense features are kept row- and column-major so that both products are
     * element-wise loops the JIT vectorises; nothing is summed in a varying order, so every run gives the same weights.
     */
    static Raw fit(List<Example> examples) {
        int n = examples.size();
        int d = SentenceEmbedder.DIMENSIONS;
        int heads = HEADS.size();
        float[][] rows = new float[n][];
        float[][] columns = new float[d][n];
        int[] used = examples.stream()
                .flatMapToInt(e -> Arrays.stream(e.lexical()))
                .sorted()
                .distinct()
                .toArray();
        int m = used.length;
        int[][] lexical = new int[n][];
        float[] scale = new float[n];
        for (int i = 0; i < n; i++) {
            rows[i] = examples.get(i).pooled();
            int[] features = examples.get(i).lexical();
            lexical[i] = Arrays.stream(features)
                    .map(f -> Arrays.binarySearch(used, f))
                    .toArray();
            scale[i] = Lexical.scale(features);
            for (int j = 0; j < d; j++) {
                columns[j][i] = rows[i][j];
            }
        }
        Design x = new Design(rows, columns, lexical, scale, m);
        float[][] weights = new float[heads][];
        float[][] lexicalWeights = new float[heads][];
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
            x.denseGradient(alpha, null, mean);
            for (int j = 0; j < d; j++) {
                mean[j] /= alphaSum;
            }
            float step = (float) (1 / (0.25 * 1.5 * x.largestEigenvalue(alpha, mean) + L2));
            float stepB = 1 / (0.25f * alphaSum);
            float[] w = new float[d];
            float[] previous = new float[d];
            float[] v = new float[d];
            float[] g = new float[d];
            float[] u = new float[m];
            float[] previousU = new float[m];
            float[] vu = new float[m];
            float[] gu = new float[m];
            float[] z = new float[n];
            float b = 0;
            float previousB = 0;
            for (int iter = 1; iter <= ITERATIONS; iter++) {
                float momentum = (iter - 1f) / (iter + 2f);
                for (int j = 0; j < d; j++) {
                    v[j] = w[j] + momentum * (w[j] - previous[j]);
                }
                for (int k = 0; k < m; k++) {
                    vu[k] = u[k] + momentum * (u[k] - previousU[k]);
                }
                float vb = b + momentum * (b - previousB);
                x.scores(v, vu, vb - dot(v, mean), z);
                float gb = 0;
                for (int i = 0; i < n; i++) {
                    z[i] = alpha[i] * ((float) (1 / (1 + Math.exp(-z[i]))) - y[i]);
                    gb += z[i];
                }
                x.denseGradient(z, mean, g);
                x.lexicalGradient(z, gu);
                System.arraycopy(w, 0, previous, 0, d);
                System.arraycopy(u, 0, previousU, 0, m);
                previousB = b;
                for (int j = 0; j < d; j++) {
                    w[j] = v[j] - step * (g[j] + (float) L2 * v[j]);
                }
                float shrink = step * (float) L1;
                for (int k = 0; k < m; k++) {
                    float next = vu[k] - step * (gu[k] + (float) L2 * vu[k]);
                    u[k] = next > shrink ? next - shrink : next < -shrink ? next + shrink : 0;
                }
                b = vb - stepB * gb;
            }
            weights[h] = w;
            lexicalWeights[h] = u;
            bias[h] = b - dot(w, mean);
        }
        return new Raw(weights, lexicalWeights, used, bias);
    }

    /** Enough to estimate the curvature within the step's margin. */
    static final int POWER_ITERATIONS = 20;

    /** The training examples' features: dense (row- and column-major) and lexical (sparse, with their scale). */
    private record Design(float[][] rows, float[][] columns, int[][] lexical, float[] scale, int m) {

        /** z = X·v + lexical·u + b. */
        void scores(float[] v, float[] u, float b, float[] z) {
            Arrays.fill(z, b);
            for (int j = 0; j < columns.length; j++) {
                float vj = v[j];
                float[] column = columns[j];
                for (int i = 0; i < z.length; i++) {
                    z[i] += vj * column[i];
                }
            }
            if (u != null) {
                for (int i = 0; i < z.length; i++) {
                    float words = 0;
                    for (int k : lexical[i]) {
                        words += u[k];
                    }
                    z[i] += scale[i] * words;
                }
            }
        }

        /** g = Σ r_i (x_i − mean) over the dense features; a null mean is zero. */
        void denseGradient(float[] r, float[] mean, float[] g) {
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

        void lexicalGradient(float[] r, float[] g) {
            Arrays.fill(g, 0);
            for (int i = 0; i < rows.length; i++) {
                float ri = r[i] * scale[i];
                if (ri == 0) {
                    continue;
                }
                for (int k : lexical[i]) {
                    g[k] += ri;
                }
            }
        }

        double largestEigenvalue(float[] alpha, float[] mean) {
            int d = columns.length;
            float[] v = new float[d];
            float[] u = new float[m];
            Arrays.fill(v, (float) (1 / Math.sqrt(d + m)));
            Arrays.fill(u, (float) (1 / Math.sqrt(d + m)));
            float[] z = new float[rows.length];
            float[] nextV = new float[d];
            float[] nextU = new float[m];
            double lambda = 0;
            for (int iter = 0; iter < POWER_ITERATIONS; iter++) {
                scores(v, u, -dot(v, mean), z);
                for (int i = 0; i < z.length; i++) {
                    z[i] *= alpha[i];
                }
                denseGradient(z, mean, nextV);
                lexicalGradient(z, nextU);
                double norm = Math.sqrt(dot(nextV, nextV) + dot(nextU, nextU));
                if (norm == 0) {
                    break;
                }
                lambda = norm;
                for (int j = 0; j < d; j++) {
                    v[j] = (float) (nextV[j] / norm);
                }
                for (int k = 0; k < m; k++) {
                    u[k] = (float) (nextU[k] / norm);
                }
            }
            return lambda;
        }
    }

    private static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
