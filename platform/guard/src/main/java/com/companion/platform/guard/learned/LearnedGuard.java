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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
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
 *   <li>A user's message is also read joined to the conversation's last two messages, so a scene set earlier in
 *       words no rule lists and a message harmless alone ("keep going") are judged as the one text they make.
 *   <li>{@code reasons} name the layer and the score ({@code learned:S4 0.93}), never the text.
 * </ul>
 *
 * <p>Never throws: if the model cannot run, the rules' verdict stands and the failure is logged.
 */
public final class LearnedGuard implements ContentGuard {

    private static final Logger log = LoggerFactory.getLogger(LearnedGuard.class);

    /**
     * The revision of how scores become a verdict ({@link #decide}), part of {@link #version()}: raise it with a change
     * there that can turn a verdict. 2: an incapacity earlier in the conversation plus sexual intent is non-consent. 3:
     * model output the rules read as a short refusal ({@link RuleGuard#DECLINES}) is left to the rules. 4: a
     * sexual-content block made by a Hinglish or Spanish word is not released. 5: the category heads do not judge a
     * text of three words or fewer ({@link RuleGuard#FEW_WORDS}). 6: what a refusal says after its declining sentence
     * is judged as any reply is ({@link #afterRefusal}). 7: a block the rules made in a text with an emoji they read as a
     * word ({@link RuleGuard#EMOJI_WORDS}) is not released. 8: a user's message is also judged joined to the
     * conversation's last messages ({@link #JOINED_MESSAGES}, see {@link #decide}). 9: that joined text is read by its
     * last window only ({@link SentenceEmbedder#embedTail}), which always holds the new message. 10: a user's message
     * the rules read as asking for help about what was done to them ({@link RuleGuard#HELP_SEEKING}) is answered with
     * support when the S3 or S4 head reads it high, as S11 already was. 11: on the animal-care note
     * ({@link RuleGuard#ANIMAL_CARE}) the S12 head does not refuse the text alone either, as the S3 head already did not.
     */
    static final int DECISION_REVISION = 11;

    /**
     * How many of the conversation's latest messages a user's message is joined to when the S3 and S4 heads read them
     * as one text: the message that set the scene is usually one or two back ("she's passed out" and the character's
     * answer), and each more message adds embedding work to every check.
     */
    static final int JOINED_MESSAGES = 2;

    /**
     * The S12 score a user's message must reach alone before it is judged joined to the conversation: a cost gate, so
     * that a message with no sexual reading at all ("how do I report him?") costs no second embedding. On the
     * development conversation sets (context-blind 1 and 2) every message the joined reading caught scored at least
     * 0.24 alone, and 66 of the 183 benign follow-ups scored below 0.2.
     */
    static final double JOINED_MIN_S12 = 0.2;

    private final ContentGuard rules;
    private final Supplier<SentenceEmbedder> embedder;
    private final LearnedWeights weights;
    private final Predicate<Conversation> minorEstablished;
    private final Set<Category> blocking;
    private final SentenceEmbedder.Gate inputGate;
    private final SentenceEmbedder.Gate outputGate;
    private final String version;
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
        this(rules, embedder, weights, minorEstablished, EnumSet.copyOf(LearnedWeights.CATEGORIES));
    }

    private LearnedGuard(
            ContentGuard rules,
            Supplier<SentenceEmbedder> embedder,
            LearnedWeights weights,
            Predicate<Conversation> minorEstablished,
            Set<Category> blocking) {
        this.blocking = Set.copyOf(blocking);
        this.minorEstablished = Objects.requireNonNull(minorEstablished, "minorEstablished");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.weights = Objects.requireNonNull(weights, "weights");
        this.inputGate = gate(weights, Stage.INPUT);
        this.outputGate = gate(weights, Stage.OUTPUT);
        if (!SentenceEmbedder.MODEL_ID.equals(weights.modelId())) {
            throw new IllegalArgumentException(
                    "weights trained for " + weights.modelId() + ", model is " + SentenceEmbedder.MODEL_ID);
        }
        this.version = rules.version() + " learned/" + DECISION_REVISION + "." + weights.digest() + " blocks/"
                + LearnedWeights.CATEGORIES.stream()
                        .filter(this.blocking::contains)
                        .map(Category::code)
                        .collect(Collectors.joining(","));
    }

    /** Rules plus the learned layer with the committed weights; one per JVM, the model loaded on first use. */
    public static LearnedGuard shared() {
        return Shared.INSTANCE;
    }

    /**
     * The same guard whose learned layer blocks only in these categories (the rules still block in every one). S4
     * includes the composite "a minor mentioned and sexual" and the conversation's minor. character-service judges
     * creator text this way with S4, S3 and S11: the S12 head was calibrated on chat messages, and the rules already
     * refuse sexual content outside adult mode.
     */
    public LearnedGuard blockingOnly(Set<Category> categories) {
        if (categories.isEmpty() || !LearnedWeights.CATEGORIES.containsAll(categories)) {
            throw new IllegalArgumentException(
                    "the learned layer blocks in some of " + LearnedWeights.CATEGORIES + ", not " + categories);
        }
        return blocking.equals(Set.copyOf(categories))
                ? this
                : new LearnedGuard(rules, embedder, weights, minorEstablished, categories);
    }

    /** Loads the model now (about 1–2 s) instead of on the first message; throws if it cannot be loaded. */
    public LearnedGuard warmUp() {
        scores("warm up");
        return this;
    }

    public LearnedWeights weights() {
        return weights;
    }

    /**
     * The rules' version, the decision revision with the weights' digest, and the categories the learned layer blocks
     * in, for example {@code rules/e928967c7c42 learned/2.0488a7e754a6 blocks/S4,S3,S11}. The embedding models are part
     * of the weights ({@code modelId}).
     */
    @Override
    public String version() {
        return version;
    }

    @Override
    public Verdict check(String text, GuardContext context) {
        Verdict first = rules.check(text, context);
        if (context.stage() == Stage.OUTPUT
                && first.allowed()
                && first.reasons().contains(RuleGuard.DECLINES)) {
            return afterRefusal(text, context, first);
        }
        if (text == null
                || text.isBlank()
                || (first.blocked() && !(weights.sexualReleaseThreshold() > 0 && releasable(first, context)))) {
            return first;
        }
        try {
            Stage stage = context.stage();
            Verdict verdict = decide(
                    first,
                    scores(text, stage),
                    context,
                    weights,
                    OutputThresholds.CALIBRATED,
                    new ConversationReading(
                            minorEstablished,
                            conversation -> minorMentioned(conversation, stage),
                            conversation -> Optional.of(tailScores(joined(conversation, text), stage))));
            return verdict == first || !verdict.blocked() || blocking.containsAll(verdict.categories())
                    ? verdict
                    : onlyBlocking(first, verdict);
        } catch (RuntimeException e) {
            if (failureReported.compareAndSet(false, true)) {
                log.error("The learned guard layer failed: the rules' verdicts stand until it works", e);
            } else {
                log.debug("The learned guard layer failed again: {}", e.toString());
            }
            return first;
        }
    }

    /**
     * A model's refusal ({@link RuleGuard#DECLINES}) is not judged as what it refuses: the sentence that declines names it
     * ("I can't write a scene where she's drugged"). What the reply says after that sentence is judged as any reply is,
     * so a reply that only pretends to decline ("I can't write that. Instead, *she's in seventh grade and …*") is
     * refused. A refusal's offer ("I could write one where they're both clear-headed, if you'd like") passes.
     */
    private Verdict afterRefusal(String text, GuardContext context, Verdict first) {
        String rest = RuleGuard.afterDecline(text);
        // afterDecline gives the whole text back when it cannot split it (lowercasing changed the text's length, so
        // the declining sentence's end cannot be mapped back): judging that again would recurse without end, so the
        // rules' verdict stands. Only a strictly shorter rest is judged.
        if (rest.isBlank() || rest.length() >= text.strip().length()) {
            return first;
        }
        Verdict verdict = check(rest, context);
        if (!verdict.blocked()) {
            return first;
        }
        List<String> reasons = new ArrayList<>();
        for (String reason : verdict.reasons()) {
            reasons.add("after the refusal: " + reason);
        }
        return Verdict.block(verdict.policy(), verdict.categories(), reasons, verdict.flags());
    }

    /**
     * A learned block cut down to the categories this guard blocks in: the rules' verdict when none of the learned
     * categories is one of them (a block the rules made stands as it was), else the block in those alone.
     */
    private Verdict onlyBlocking(Verdict first, Verdict learned) {
        List<Category> kept =
                learned.categories().stream().filter(blocking::contains).toList();
        if (kept.isEmpty()) {
            return first;
        }
        Policy policy = learned.policy().category().filter(kept::contains).isPresent()
                ? learned.policy()
                : Policy.forCategory(kept.getFirst());
        return Verdict.block(policy, kept, learned.reasons(), learned.flags());
    }

    /** The text's score per category by the full heads (both models on every window): the most alarming window's. */
    public Scores scores(String text) {
        return Scores.of(embedder.get().embed(text, weights.normalizedInput()), weights);
    }

    /**
     * The text's score per category as a check on this stage reads it: a window the weights' {@link LearnedWeights.Gate
     * gate} clears on MiniLM alone is scored by the gate heads (below every threshold that could change a verdict), the
     * others by the full heads.
     */
    Scores scores(String text, Stage stage) {
        return Scores.of(embedder.get().embed(text, weights.normalizedInput(), gate(stage)), weights);
    }

    private SentenceEmbedder.Gate gate(Stage stage) {
        return stage == Stage.OUTPUT ? outputGate : inputGate;
    }

    /**
     * The weights' gate for this stage; eager on input, where a user waits on the verdict, so that a message the gate
     * passes waits about as long as e5 alone takes (e5 starts beside MiniLM when a core is free). On output, which the
     * worker screens as the reply streams, e5 runs only when asked: the least CPU.
     */
    private static SentenceEmbedder.Gate gate(LearnedWeights weights, Stage stage) {
        LearnedWeights.Gate gate = weights.gate();
        return gate == null
                ? SentenceEmbedder.BOTH_MODELS
                : new SentenceEmbedder.Gate(window -> gate.needsSecond(window, stage), stage == Stage.INPUT);
    }

    /**
     * The scores of the window that ends the text: the joined reading looks at the new message with what came right
     * before it, one window however long the conversation's messages are, so that it costs one embedding and a window
     * of earlier messages alone never decides about the new one.
     */
    private Scores tailScores(String text, Stage stage) {
        return Scores.of(embedder.get().embedTail(text, weights.normalizedInput(), gate(stage)), weights);
    }

    /** The conversation's last {@link #JOINED_MESSAGES} messages and the new text, one per line. */
    static String joined(Conversation conversation, String text) {
        List<String> messages = conversation.recentMessages();
        List<String> lines =
                new ArrayList<>(messages.subList(Math.max(0, messages.size() - JOINED_MESSAGES), messages.size()));
        lines.add(text);
        return String.join("\n", lines);
    }

    /**
     * The highest minor-age score among the conversation's texts that may still say a participant is under 18 ({@link
     * ConversationRules#textsThatMayEstablishMinor}: not about somebody else's child, not giving only adult ages, not
     * before a time skip, not an adult's own past). Their windows were mostly embedded when those messages were
     * checked themselves, so this is usually cached.
     */
    double minorMentioned(Conversation conversation, Stage stage) {
        double best = 0;
        for (String text : ConversationRules.textsThatMayEstablishMinor(conversation)) {
            best = Math.max(best, scores(text, stage).minorAge());
        }
        return best;
    }

    /**
     * How the learned decision reads the conversation, beside the new text's own scores.
     *
     * @param minorEstablished the context rules: an age under 18 stated for a participant earlier
     * @param minorMentioned the minor-age score of the conversation's texts, asked only when the text reads as sexual
     * @param joined the scores of the conversation's last messages joined to the text, asked only for a user's message
     *     that reads at all sexual alone; empty where there is no such reading
     */
    record ConversationReading(
            Predicate<Conversation> minorEstablished,
            ToDoubleFunction<Conversation> minorMentioned,
            Function<Conversation, Optional<Scores>> joined) {

        /** No conversation fact at all: what calibration on single replies needs. */
        static final ConversationReading NONE = withoutJoined(conversation -> false, conversation -> 0);

        /** Without the joined reading: cross-validation on single texts has no conversation to join. */
        static ConversationReading withoutJoined(
                Predicate<Conversation> minorEstablished, ToDoubleFunction<Conversation> minorMentioned) {
            return new ConversationReading(minorEstablished, minorMentioned, conversation -> Optional.empty());
        }
    }

    /**
     * The learned layer's decision on top of an allowed rules verdict, with the input thresholds calibrated for model
     * output ({@link OutputThresholds#CALIBRATED}). Static so the cross-validation applies exactly this logic with
     * weights trained on the other folds.
     */
    static Verdict decide(
            Verdict first, Scores scores, GuardContext context, LearnedWeights weights, ConversationReading reading) {
        return decide(first, scores, context, weights, OutputThresholds.CALIBRATED, reading);
    }

    /**
     * A user's message that reads at all sexual alone ({@link #JOINED_MIN_S12}) is also read joined to the
     * conversation's last messages ({@link #joined}): when that joined text reads sexual (S12 above the context
     * threshold) and the S4 or S3 head passes its own threshold on it, the message is refused as that category. This
     * catches the shape the context rules cannot list: a scene set earlier in words no lexicon knows ("you play my
     * mother in this story", "in this story you're my real sister") and a new message that is harmless alone ("come to
     * my room after dinner and make it sensual"). Model output is not judged this way: the worker reads a reply by its
     * own windows.
     *
     * @param output where the heads block on model output ({@link Stage#OUTPUT}); on input the weights' thresholds
     */
    static Verdict decide(
            Verdict first,
            Scores scores,
            GuardContext context,
            LearnedWeights weights,
            OutputThresholds output,
            ConversationReading reading) {
        boolean onOutput = context.stage() == Stage.OUTPUT;
        if (onOutput && first.allowed() && first.reasons().contains(RuleGuard.DECLINES)) {
            return first;
        }
        double minorSexualThreshold = onOutput
                ? Math.max(weights.minorSexualThreshold(), output.minorSexual())
                : weights.minorSexualThreshold();
        double contextThreshold =
                onOutput ? Math.max(weights.contextThreshold(), output.context()) : weights.contextThreshold();
        if (first.blocked()) {
            if (!releasable(first, context) || scores.of(Category.S12) >= weights.sexualReleaseThreshold()) {
                return first;
            }
            List<String> why = new ArrayList<>(first.reasons());
            why.add("learned:S12 " + format(scores.of(Category.S12)) + " -> released");
            first = new Verdict(true, Policy.NONE, List.of(Category.S12), why, EnumSet.of(Flag.SUSPICIOUS));
        }
        List<Category> violated = new ArrayList<>();
        List<String> reasons = new ArrayList<>(first.reasons());
        EnumSet<Flag> flags = first.flags().isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(first.flags());
        boolean headsRead = !(first.allowed() && first.reasons().contains(RuleGuard.FEW_WORDS));
        boolean helpSeeking = !onOutput
                && first.allowed()
                && first.reasons().stream().anyMatch(reason -> reason.startsWith(RuleGuard.HELP_SEEKING));
        boolean ownLife = !onOutput && first.allowed() && first.reasons().contains(RuleGuard.OWN_LIFE);
        boolean animalCare = first.allowed() && first.reasons().contains(RuleGuard.ANIMAL_CARE);
        for (Category category : headsRead ? LearnedWeights.CATEGORIES : List.<Category>of()) {
            double score = scores.of(category);
            String reason = "learned:" + category.code() + " " + format(score);
            double threshold = weights.head(category).threshold();
            if (onOutput) {
                threshold = output.of(category, threshold);
            }
            // Everyday care of an animal, or a fondness for one, with nothing sexual or intimate beside it: the S3 head
            // reads
            // a partner next to an animal as bestiality, and the S12 head a "horse lover" as sexual.
            if ((category == Category.S3 || category == Category.S12) && animalCare) {
                if (score >= threshold) {
                    reasons.add(reason + " -> animal care");
                }
                continue;
            }
            if (category == Category.S4 && ownLife) {
                if (score >= threshold) {
                    reasons.add(reason + " -> own life");
                }
                continue;
            }
            if (score < threshold) {
                if (category == Category.S4
                        && scores.minorAge() >= weights.minorAge().threshold()
                        && scores.of(Category.S12) >= minorSexualThreshold) {
                    violated.add(category);
                    reasons.add("learned:" + LearnedWeights.MINOR_AGE + " " + format(scores.minorAge()) + " + S12 "
                            + format(scores.of(Category.S12)));
                }
                continue;
            }
            if (category == Category.S12 && context.adultMode()) {
                continue;
            }
            if (category == Category.S11 && context.stage() == Stage.INPUT && first.has(Flag.SUPPORT)) {
                reasons.add(reason + " -> support");
                continue;
            }
            if ((category == Category.S3 || category == Category.S4) && helpSeeking) {
                reasons.add(reason + " -> support");
                continue;
            }
            violated.add(category);
            reasons.add(reason);
        }
        double sexual = Math.max(scores.of(Category.S12), scores.of(Category.S4));
        boolean contextNonConsent = false;
        if (!violated.contains(Category.S4)
                && sexual >= contextThreshold
                && !context.conversation().isEmpty()) {
            Category strongest = scores.of(Category.S4) >= scores.of(Category.S12) ? Category.S4 : Category.S12;
            String intent = "learned:" + strongest.code() + " " + format(sexual);
            if (reading.minorEstablished().test(context.conversation())) {
                violated.add(0, Category.S4);
                reasons.add("context:minor + " + intent);
            } else {
                double mentioned = reading.minorMentioned().applyAsDouble(context.conversation());
                if (mentioned >= weights.minorAge().threshold()) {
                    violated.add(0, Category.S4);
                    reasons.add("context:" + LearnedWeights.MINOR_AGE + " " + format(mentioned) + " + " + intent);
                } else if (!violated.contains(Category.S3)
                        && ConversationRules.someoneElseIncapacitated(context.conversation())) {
                    violated.add(0, Category.S3);
                    reasons.add("context:incapacity + " + intent);
                    contextNonConsent = true;
                }
            }
        }
        Policy joinedKind = null;
        if (!onOutput
                && headsRead
                && !violated.contains(Category.S4)
                && !violated.contains(Category.S3)
                && !context.conversation().recentMessages().isEmpty()
                && scores.of(Category.S12) >= JOINED_MIN_S12) {
            Scores together = reading.joined().apply(context.conversation()).orElse(null);
            if (together != null && together.of(Category.S12) >= contextThreshold) {
                String intent = " + learned:S12 " + format(together.of(Category.S12));
                if (together.of(Category.S4) >= weights.head(Category.S4).threshold()) {
                    violated.add(0, Category.S4);
                    reasons.add("context:joined learned:S4 " + format(together.of(Category.S4)) + intent);
                } else if (!animalCare
                        && together.of(Category.S3) >= weights.head(Category.S3).threshold()) {
                    violated.add(0, Category.S3);
                    reasons.add("context:joined learned:S3 " + format(together.of(Category.S3)) + intent);
                    joinedKind = together.nonConsentKind();
                }
            }
        }
        if (violated.isEmpty()) {
            return reasons.size() == first.reasons().size() ? first : withReasons(first, reasons);
        }
        if (violated.contains(Category.S11)) {
            flags.add(Flag.SUPPORT);
        }
        Policy policy = switch (violated.getFirst()) {
            case S4 -> Policy.MINORS;
            case S3 ->
                contextNonConsent ? Policy.NON_CONSENT : joinedKind != null ? joinedKind : scores.nonConsentKind();
            case S11 -> Policy.SELF_HARM;
            default -> Policy.SEXUAL_CONTENT;
        };
        return Verdict.block(policy, violated, reasons, flags);
    }

    /**
     * A rules block the learned layer may overturn: a user's message outside adult mode blocked only as sexual content
     * because of a sexual word (not graphic, no other category), when the weights have a release threshold. The rules
     * read "sex" in "bleeding after sex, should I see a doctor?" as they read it in a proposition; the S12 head,
     * trained on both, tells them apart. Never-allowed and graphic blocks are final, and so are blocks made by a
     * Hinglish or Spanish word ({@link RuleGuard#notEnglish}), which the English models do not read, or by an emoji the
     * rules read as a word ({@link RuleGuard#EMOJI_WORDS}), which the models' input leaves out. Released only below
     * the weights' {@link LearnedWeights#sexualReleaseThreshold()}.
     */
    static boolean releasable(Verdict first, GuardContext context) {
        return first.blocked()
                && !first.reasons().contains(RuleGuard.EMOJI_WORDS)
                && first.policy() == Policy.SEXUAL_CONTENT
                && first.categories().equals(List.of(Category.S12))
                && context.stage() == Stage.INPUT
                && !context.adultMode()
                && first.reasons().stream().allMatch(r -> r.endsWith(" outside adult mode"))
                && first.reasons().stream().noneMatch(RuleGuard::notEnglish);
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
    public record Scores(Map<Category, Double> byCategory, double minorAge, Policy nonConsentKind) {

        public Scores {
            byCategory = Map.copyOf(byCategory);
        }

        public double of(Category category) {
            return byCategory.getOrDefault(category, 0.0);
        }

        /**
         * The windows' scores: by the full heads, or by the gate's heads for a window embedded without e5 (which only a
         * window the gate cleared is).
         */
        static Scores of(List<SentenceEmbedder.Window> windows, LearnedWeights weights) {
            Map<Category, Double> best = new EnumMap<>(Category.class);
            double minor = 0;
            float[] mostS3 = null;
            for (SentenceEmbedder.Window window : windows) {
                int[] lexical = Lexical.features(window.ids());
                Function<String, LearnedWeights.Head> heads = window.complete()
                        ? weights.heads()::get
                        : Objects.requireNonNull(weights.gate(), "a window without e5 needs the gate's heads")::head;
                minor = Math.max(minor, heads.apply(LearnedWeights.MINOR_AGE).score(window.features(), lexical));
                for (Category category : LearnedWeights.CATEGORIES) {
                    double score = heads.apply(category.code()).score(window.features(), lexical);
                    if (score > best.getOrDefault(category, -1.0)) {
                        best.put(category, score);
                        if (category == Category.S3) {
                            mostS3 = window.features();
                        }
                    }
                }
            }
            return new Scores(best, minor, mostS3 == null ? Policy.NON_CONSENT : nearestKind(mostS3, weights));
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
