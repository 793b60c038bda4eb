package com.companion.platform.guard.learned;

import com.companion.platform.guard.Category;
import com.companion.platform.guard.ContentGuard;
import com.companion.platform.guard.Conversation;
import com.companion.platform.guard.Flag;
import com.companion.platform.guard.GuardContext;
import com.companion.platform.guard.Policy;
import com.companion.platform.guard.Stage;
import com.companion.platform.guard.Verdict;
import com.companion.platform.guard.rules.ConversationRules;
import com.companion.platform.guard.rules.RuleGuard;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules, then a sentence-embedding classifier for what they let through: rules OR classifier. The rules are
 * explainable and catch the phrasings they were written for; the classifier generalises to phrasings no lexicon
 * anticipated (an age given in passing, drugging or restraint instead of the word "rape").
 *
 * <ul>
 *   <li>A rules block is final; the model is not run (no cost).
 *   <li>S4 and S3 from the classifier block in every mode. S12 blocks only outside adult mode: in adult mode what is
 *       too graphic stays the rules' call. S11 blocks encouragement; on input, a message the rules read as a person
 *       talking about their own feelings (allowed with {@link Flag#SUPPORT}) stays allowed with support.
 *   <li>When the conversation has already established that a participant is under 18 ({@link
 *       ConversationRules#establishesMinor}), sexual intent in the new text (the S12 or S4 score above the context
 *       threshold) is sexual content with a minor.
 *   <li>{@code reasons} name the layer and the score ({@code learned:S4 0.93}), never the text.
 * </ul>
 *
 * <p>Never throws: if the model cannot run, the rules' verdict stands and the failure is logged.
 */
public final class LearnedGuard implements ContentGuard {

    private static final Logger log = LoggerFactory.getLogger(LearnedGuard.class);

    private final ContentGuard rules;
    private final Supplier<SentenceEmbedder> embedder;
    private final LearnedWeights weights;
    private final Predicate<Conversation> minorEstablished;
    private final AtomicBoolean failureReported = new AtomicBoolean();

    /**
     * @param embedder asked on each check, so that the model loads on first use ({@link SentenceEmbedder#shared()})
     */
    public LearnedGuard(ContentGuard rules, Supplier<SentenceEmbedder> embedder, LearnedWeights weights) {
        this(rules, embedder, weights, ConversationRules::establishesMinor);
    }

    LearnedGuard(
            ContentGuard rules,
            Supplier<SentenceEmbedder> embedder,
            LearnedWeights weights,
            Predicate<Conversation> minorEstablished) {
        this.minorEstablished = Objects.requireNonNull(minorEstablished, "minorEstablished");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.weights = Objects.requireNonNull(weights, "weights");
        if (!SentenceEmbedder.MODEL_ID.equals(weights.modelId())) {
            throw new IllegalArgumentException(
                    "weights trained for " + weights.modelId() + ", model is " + SentenceEmbedder.MODEL_ID);
        }
    }

    /** Rules plus the learned layer with the committed weights; one per JVM, the model loaded on first use. */
    public static LearnedGuard shared() {
        return Shared.INSTANCE;
    }

    /** Loads the model now (about 1–2 s) instead of on the first message; throws if it cannot be loaded. */
    public LearnedGuard warmUp() {
        scores("warm up");
        return this;
    }

    public LearnedWeights weights() {
        return weights;
    }

    @Override
    public Verdict check(String text, GuardContext context) {
        Verdict first = rules.check(text, context);
        if (first.blocked() || text == null || text.isBlank()) {
            return first;
        }
        Scores scores;
        try {
            scores = scores(text);
        } catch (RuntimeException e) {
            if (failureReported.compareAndSet(false, true)) {
                log.error("The learned guard layer failed: the rules' verdicts stand until it works", e);
            } else {
                log.debug("The learned guard layer failed again: {}", e.toString());
            }
            return first;
        }
        return decide(first, scores, context, weights, minorEstablished);
    }

    /** The text's score per category: the most alarming window's. */
    public Scores scores(String text) {
        return Scores.of(embedder.get().embed(text, weights.normalizedInput()), weights);
    }

    /**
     * The learned layer's decision on top of an allowed rules verdict. Static so the cross-validation applies exactly
     * this logic with weights trained on the other folds.
     */
    static Verdict decide(
            Verdict first,
            Scores scores,
            GuardContext context,
            LearnedWeights weights,
            Predicate<Conversation> minorEstablished) {
        if (first.blocked()) {
            return first;
        }
        List<Category> violated = new ArrayList<>();
        List<String> reasons = new ArrayList<>(first.reasons());
        EnumSet<Flag> flags = first.flags().isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(first.flags());
        for (Category category : LearnedWeights.CATEGORIES) {
            double score = scores.of(category);
            if (score < weights.head(category).threshold()) {
                continue;
            }
            String reason = "learned:" + category.code() + " " + format(score);
            if (category == Category.S12 && context.adultMode()) {
                continue;
            }
            if (category == Category.S11 && context.stage() == Stage.INPUT && first.has(Flag.SUPPORT)) {
                reasons.add(reason + " -> support");
                continue;
            }
            violated.add(category);
            reasons.add(reason);
        }
        double sexual = Math.max(scores.of(Category.S12), scores.of(Category.S4));
        if (!violated.contains(Category.S4)
                && sexual >= weights.contextThreshold()
                && !context.conversation().isEmpty()
                && minorEstablished.test(context.conversation())) {
            Category strongest = scores.of(Category.S4) >= scores.of(Category.S12) ? Category.S4 : Category.S12;
            violated.add(0, Category.S4);
            reasons.add("context:minor + learned:" + strongest.code() + " " + format(sexual));
        }
        if (violated.isEmpty()) {
            return reasons.size() == first.reasons().size() ? first : withReasons(first, reasons);
        }
        if (violated.contains(Category.S11)) {
            flags.add(Flag.SUPPORT);
        }
        Policy policy = switch (violated.getFirst()) {
            case S4 -> Policy.MINORS;
            case S3 -> scores.nonConsentKind();
            case S11 -> Policy.SELF_HARM;
            default -> Policy.SEXUAL_CONTENT;
        };
        return Verdict.block(policy, violated, reasons, flags);
    }

    private static Verdict withReasons(Verdict first, List<String> reasons) {
        return new Verdict(true, first.policy(), first.categories(), reasons, first.flags());
    }

    static String format(double score) {
        return String.format(Locale.ROOT, "%.2f", Math.floor(score * 100) / 100);
    }

    /**
     * The highest score per category over the text's windows, and which kind of S3 the most S3-like window is closest
     * to.
     */
    public record Scores(Map<Category, Double> byCategory, Policy nonConsentKind) {

        public Scores {
            byCategory = Map.copyOf(byCategory);
        }

        public double of(Category category) {
            return byCategory.getOrDefault(category, 0.0);
        }

        static Scores of(List<float[]> windows, LearnedWeights weights) {
            Map<Category, Double> best = new EnumMap<>(Category.class);
            float[] mostS3 = null;
            for (float[] window : windows) {
                for (Category category : LearnedWeights.CATEGORIES) {
                    double score = weights.head(category).score(window);
                    if (score > best.getOrDefault(category, -1.0)) {
                        best.put(category, score);
                        if (category == Category.S3) {
                            mostS3 = window;
                        }
                    }
                }
            }
            return new Scores(best, mostS3 == null ? Policy.NON_CONSENT : nearestKind(mostS3, weights));
        }

        private static Policy nearestKind(float[] embedding, LearnedWeights weights) {
            Policy nearest = Policy.NON_CONSENT;
            double best = Double.NEGATIVE_INFINITY;
            for (Map.Entry<String, float[]> kind : weights.nonConsentKinds().entrySet()) {
                double similarity = 0;
                for (int i = 0; i < embedding.length; i++) {
                    similarity += embedding[i] * kind.getValue()[i];
                }
                if (similarity > best) {
                    best = similarity;
                    nearest = Policy.valueOf(
                            kind.getKey().toUpperCase(Locale.ROOT).replace('-', '_'));
                }
            }
            return nearest;
        }
    }

    private static final class Shared {
        static final LearnedGuard INSTANCE =
                new LearnedGuard(RuleGuard.shared(), SentenceEmbedder::shared, LearnedWeights.committed());
    }
}
