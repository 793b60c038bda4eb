package com.companion.platform.guard.learned;

import com.companion.platform.guard.Category;
import com.companion.platform.guard.ContentGuard;
import com.companion.platform.guard.Policy;
import com.companion.platform.guard.Stage;
import com.companion.platform.guard.Verdict;
import com.companion.platform.guard.learned.LearnedGuard.Scores;
import com.companion.platform.guard.rules.RuleGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Chooses the learned layer's thresholds on model output ({@link OutputThresholds}) without touching its weights or
 * input thresholds.
 *
 * <p>Harmless replies: {@code calibration/output-allowed.tsv} (the offline LLM's replies and hand-written companion
 * replies; never training lines, scored with the committed weights) and the corpus's allowed output lines (training
 * lines, so scored out of fold with {@link Trainer#outOfFoldScores}). Each part of the layer gets a share of a 0.5 %
 * false-block budget ({@link #BUDGETS}) of the calibration replies it could block, and may block no more of the
 * corpus's allowed output lines than the trainer's input budget for it; its output threshold is the lowest score
 * within both (counting only texts the rules allow), and never below its input threshold.
 * Recall is measured on the corpus's blocked output lines, out of fold. The blind hold-outs are not read here.
 */
final class OutputCalibration {

    static final String REPLIES = "calibration/output-allowed.tsv";

    /**
     * Share of the calibration replies each part may block on output. With 508 replies none may be blocked. (Until the
     * fifth round S3 had 0.2 %, one reply; with the fifth round's weights that one was "You're kind of impossible to
     * ignore, you know that?", a sentence the offline LLM's composer puts in many replies, so the worker refused 3 of
     * its 300 test replies: one refused sentence is many refused replies.)
     */
    static final Map<String, Double> BUDGETS =
            Map.of("S4", 0.001, "S3", 0.001, "S11", 0.0005, "S12", 0.0005, "minor-age+S12", 0.0005, "context", 0.0005);

    /** A harmless or blocked output text, its rules verdict and its scores per {@link Trainer#HEADS}. */
    record Item(Corpus.Line line, Verdict rules, double[] scores, boolean reply) {

        /**
         * A short refusal ({@link RuleGuard#DECLINES}): the guard judges only what follows its declining sentences, so
         * the whole text's scores say nothing about the thresholds.
         */
        boolean declines() {
            return rules.allowed() && rules.reasons().contains(RuleGuard.DECLINES);
        }

        Scores asScores() {
            return new Scores(
                    Map.of(
                            Category.S4, scores[Trainer.S4],
                            Category.S3, scores[1],
                            Category.S11, scores[2],
                            Category.S12, scores[Trainer.S12]),
                    scores[Trainer.MINOR],
                    Policy.NON_CONSENT);
        }
    }

    /**
     * @param replies the calibration replies
     * @param corpusOutput the corpus's output lines, allowed and blocked, with out-of-fold scores
     * @param thresholds the chosen output thresholds
     */
    record Result(List<Item> replies, List<Item> corpusOutput, OutputThresholds thresholds, LearnedWeights weights) {

        Verdict verdict(Item item, OutputThresholds output) {
            return item.rules().blocked() || output == null || item.declines()
                    ? item.rules()
                    : LearnedGuard.decide(
                            item.rules(),
                            item.asScores(),
                            item.line().context(),
                            weights,
                            output,
                            LearnedGuard.ConversationReading.NONE);
        }

        LearnedEvaluationTest.Score score(String name, List<Item> items, OutputThresholds output) {
            return LearnedEvaluationTest.Score.of(
                    name,
                    items.stream()
                            .map(i -> new Trainer.Example(i.line(), List.of(), new float[0], new int[0], i.rules()))
                            .toList(),
                    items.stream().map(i -> verdict(i, output)).toList());
        }

        String report() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(
                    Locale.ROOT,
                    "%n=== output thresholds (input -> output) ===%nS4 %.3f -> %.3f%nS3 %.3f -> %.3f%nS11 %.3f -> %.3f"
                            + "%nS12 %.3f -> %.3f%nminor-age+S12 (S12 part) %.3f -> %.3f%ncontext %.3f -> %.3f%n",
                    weights.head(Category.S4).threshold(),
                    thresholds.of(Category.S4, weights.head(Category.S4).threshold()),
                    weights.head(Category.S3).threshold(),
                    thresholds.of(Category.S3, weights.head(Category.S3).threshold()),
                    weights.head(Category.S11).threshold(),
                    thresholds.of(Category.S11, weights.head(Category.S11).threshold()),
                    weights.head(Category.S12).threshold(),
                    thresholds.of(Category.S12, weights.head(Category.S12).threshold()),
                    weights.minorSexualThreshold(),
                    Math.max(weights.minorSexualThreshold(), thresholds.minorSexual()),
                    weights.contextThreshold(),
                    Math.max(weights.contextThreshold(), thresholds.context())));
            for (OutputThresholds t : List.of(OutputThresholds.INPUT, thresholds)) {
                String which = t == OutputThresholds.INPUT ? "input thresholds" : "output thresholds";
                out.append(score("calibration replies (" + replies.size() + "), rules OR learned, " + which, replies, t)
                        .render(t != OutputThresholds.INPUT));
                out.append(score(
                                "corpus output lines, out of fold (" + corpusOutput.size() + "), rules OR learned, "
                                        + which,
                                corpusOutput,
                                t)
                        .render(false));
            }
            out.append(score("corpus output lines, rules alone", corpusOutput, null)
                    .render(false));
            return out.toString();
        }
    }

    private static volatile Result cached;

    private OutputCalibration() {}

    static synchronized Result run() {
        if (cached == null) {
            cached = compute();
        }
        return cached;
    }

    private static Result compute() {
        LearnedWeights weights = LearnedWeights.committed();
        List<Trainer.Example> examples = TrainingData.examples(Trainer.NORMALIZED_INPUT);
        double[][] oof = Trainer.outOfFoldScores(examples, Trainer.NORMALIZED_INPUT);
        List<Item> corpusOutput = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            Trainer.Example e = examples.get(i);
            if (e.line().stage() == Stage.OUTPUT) {
                corpusOutput.add(new Item(e.line(), e.rules(), oof[i], false));
            }
        }
        List<Corpus.Line> lines = Corpus.read(Corpus.resourceDir().resolve(REPLIES), REPLIES);
        List<List<SentenceEmbedder.Window>> windows =
                Embeddings.of(lines.stream().map(Corpus.Line::text).toList(), weights.normalizedInput());
        ContentGuard rules = ContentGuard.rules();
        List<Item> replies = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Corpus.Line line = lines.get(i);
            replies.add(new Item(
                    line,
                    rules.check(line.text(), line.context()),
                    Trainer.scores(Scores.of(windows.get(i), weights)),
                    true));
        }
        List<Item> corpusAllowed =
                corpusOutput.stream().filter(i -> !i.line().blocked()).toList();
        return new Result(replies, corpusOutput, choose(replies, corpusAllowed, weights), weights);
    }

    /**
     * The lowest output thresholds within the budgets: on the calibration replies (the new kind of text) each part
     * blocks at most its share of 0.5 %; on the corpus's allowed output lines (out of fold) no more than the input budget
     * the trainer gave it on all lines; never below the input threshold.
     */
    static OutputThresholds choose(List<Item> replies, List<Item> corpusAllowed, LearnedWeights weights) {
        double[] head = new double[4];
        for (int h = 0; h < 4; h++) {
            int index = h;
            Function<Item, Double> score = i -> i.scores()[index];
            java.util.function.Predicate<Item> couldBlock =
                    i -> index != Trainer.S12 || !i.line().audience().adultMode();
            String name = Trainer.HEADS.get(h);
            head[h] = round(max(
                    weights.head(Trainer.CATEGORIES.get(h)).threshold(),
                    cut(replies.stream().filter(couldBlock).toList(), score, BUDGETS.get(name)),
                    cut(corpusAllowed.stream().filter(couldBlock).toList(), score, Trainer.BUDGETS.get(name))));
        }
        double minorAge = weights.minorAge().threshold();
        java.util.function.Predicate<Item> minorMentioned =
                i -> i.scores()[Trainer.MINOR] >= minorAge && i.scores()[Trainer.S4] < head[Trainer.S4];
        Function<Item, Double> s12 = i -> i.scores()[Trainer.S12];
        double minorSexual = round(max(
                weights.minorSexualThreshold(),
                cut(
                        replies.stream().filter(minorMentioned).toList(),
                        s12,
                        BUDGETS.get("minor-age+S12"),
                        replies.size()),
                cut(
                        corpusAllowed.stream().filter(minorMentioned).toList(),
                        s12,
                        Trainer.COMPOSITE_BUDGET,
                        corpusAllowed.size())));
        // As if every conversation had established a minor: the reply's sexual intent alone decides. Romantic replies
        // in adult mode score near 1 on S12, so within the budget this comes out at 1: off on output.
        Function<Item, Double> sexual = i -> Math.max(i.scores()[Trainer.S4], i.scores()[Trainer.S12]);
        double context = round(max(
                weights.contextThreshold(),
                cut(replies, sexual, BUDGETS.get("context")),
                cut(corpusAllowed, sexual, Trainer.CONTEXT_BUDGET)));
        return new OutputThresholds(
                head[0], head[1], head[2], head[3], minorSexual, context >= 1 ? OutputThresholds.OFF : context);
    }

    private static double max(double a, double b, double c) {
        return Math.max(a, Math.max(b, c));
    }

    private static double cut(List<Item> pool, Function<Item, Double> score, double budget) {
        return cut(pool, score, budget, pool.size());
    }

    private static double cut(List<Item> candidates, Function<Item, Double> score, double budget, int poolSize) {
        List<Double> negatives = candidates.stream()
                .filter(i -> i.rules().allowed() && !i.declines())
                .map(score)
                .toList();
        int allowance = (int) Math.floor(budget * poolSize);
        return allowance >= negatives.size() ? 0 : Trainer.cut(negatives, allowance);
    }

    /** Three decimals, rounded up: the constants are written as such. */
    static double round(double threshold) {
        return Math.ceil(threshold * 1000) / 1000;
    }
}
