package com.companion.platform.guard.learned;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.platform.guard.ContentGuard;
import com.companion.platform.guard.GuardContext;
import com.companion.platform.guard.Stage;
import com.companion.platform.guard.Verdict;
import com.companion.platform.guard.learned.LearnedGuard.ConversationReading;
import com.companion.platform.guard.learned.LearnedGuard.Scores;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The committed weights' gate in front of e5 ({@link LearnedWeights.Gate}): it must not turn any verdict of the full
 * heads on the training corpus or the calibration replies, and it must spare e5 on most harmless replies (what it is
 * for). Windows are gated here exactly as {@link SentenceEmbedder#embed(String, boolean, java.util.function.Predicate)}
 * gates them, from the cached embeddings.
 */
class GateTest {

    private final LearnedWeights weights = LearnedWeights.committed();

    @Test
    void theGateTurnsNoVerdictOnTheCorpus() {
        Comparison corpus = new Comparison();
        for (Trainer.Example e : TrainingData.examples(Trainer.NORMALIZED_INPUT)) {
            corpus.add(e.line(), e.windows(), e.rules());
        }
        System.out.println("corpus: " + corpus);
        assertThat(corpus.turned).as(corpus.toString()).isEmpty();
        assertThat(corpus.gatedWindows)
                .as("the gate clears some corpus windows")
                .isPositive();
    }

    @Test
    void theGateTurnsNoVerdictOnHarmlessRepliesAndSparesE5OnMostOfThem() {
        List<Corpus.Line> lines =
                Corpus.read(Corpus.resourceDir().resolve(OutputCalibration.REPLIES), OutputCalibration.REPLIES);
        List<List<SentenceEmbedder.Window>> windows =
                Embeddings.of(lines.stream().map(Corpus.Line::text).toList(), weights.normalizedInput());
        ContentGuard rules = ContentGuard.rules();
        Comparison replies = new Comparison();
        for (int i = 0; i < lines.size(); i++) {
            Corpus.Line line = lines.get(i);
            replies.add(line, windows.get(i), rules.check(line.text(), line.context()));
        }
        System.out.println("calibration replies: " + replies);
        assertThat(replies.turned).as(replies.toString()).isEmpty();
        assertThat(replies.gatedWindows)
                .as("most harmless replies' windows are judged without e5: " + replies)
                .isGreaterThan(replies.windows / 2);
    }

    /** Verdicts with every window complete against verdicts with the gate's windows on MiniLM alone. */
    private final class Comparison {
        int lines;
        int windows;
        int gatedWindows;
        final List<String> turned = new ArrayList<>();

        void add(Corpus.Line line, List<SentenceEmbedder.Window> full, Verdict rules) {
            GuardContext context = line.context();
            List<SentenceEmbedder.Window> gated = new ArrayList<>();
            for (SentenceEmbedder.Window window : full) {
                SentenceEmbedder.Window first =
                        new SentenceEmbedder.Window(window.ids(), Trainer.firstHalf(window.features()), false);
                boolean cleared = !weights.gate().needsSecond(first, context.stage());
                gated.add(cleared ? first : window);
                gatedWindows += cleared ? 1 : 0;
            }
            lines++;
            windows += full.size();
            Verdict withoutGate = verdict(rules, full, context);
            Verdict withGate = verdict(rules, gated, context);
            if (withoutGate.blocked() != withGate.blocked() || withoutGate.policy() != withGate.policy()) {
                turned.add(line.source() + ": " + withoutGate.reasons() + " -> " + withGate.reasons());
            }
        }

        private Verdict verdict(Verdict rules, List<SentenceEmbedder.Window> windows, GuardContext context) {
            if (rules.blocked() && !LearnedGuard.releasable(rules, context)) {
                return rules;
            }
            return LearnedGuard.decide(
                    rules,
                    Scores.of(windows, weights),
                    context,
                    weights,
                    context.stage() == Stage.OUTPUT ? OutputThresholds.CALIBRATED : OutputThresholds.INPUT,
                    ConversationReading.NONE);
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%d lines, %d windows, %d (%.1f %%) judged without e5, %d verdicts turned %s",
                    lines,
                    windows,
                    gatedWindows,
                    100.0 * gatedWindows / Math.max(1, windows),
                    turned.size(),
                    turned);
        }
    }
}
