package com.companion.platform.guard.learned;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.platform.guard.Audience;
import com.companion.platform.guard.Category;
import com.companion.platform.guard.ContentGuard;
import com.companion.platform.guard.GuardContext;
import com.companion.platform.guard.Stage;
import com.companion.platform.guard.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The learned layer on model output: the committed {@link OutputThresholds#CALIBRATED} are what {@link
 * OutputCalibration} chooses, harmless companion replies pass, and the blind hold-outs' output lines (never tuned on)
 * are reported.
 */
class OutputThresholdsTest {

    static final double MAX_FALSE_BLOCKS_ON_REPLIES = 0.005;

    @Test
    void committedOutputThresholdsAreTheCalibratedOnes() {
        OutputCalibration.Result result = OutputCalibration.run();
        OutputThresholds chosen = result.thresholds();
        OutputThresholds committed = OutputThresholds.CALIBRATED;
        String how = "recalibrate with ./mvnw -pl platform/guard test -Ptrain -Dtest=OutputThresholdTraining and paste"
                + " the constant" + result.report();
        // Out-of-fold scores may move a little with another CPU's rounding.
        Offset<Double> near = Offset.offset(0.02);
        assertThat(committed.s4()).as(how).isCloseTo(chosen.s4(), near);
        assertThat(committed.s3()).as(how).isCloseTo(chosen.s3(), near);
        assertThat(committed.s11()).as(how).isCloseTo(chosen.s11(), near);
        assertThat(committed.s12()).as(how).isCloseTo(chosen.s12(), near);
        assertThat(committed.minorSexual()).as(how).isCloseTo(chosen.minorSexual(), near);
        assertThat(committed.context()).as(how).isCloseTo(chosen.context(), near);
    }

    @Test
    void harmlessRepliesPassAndOutputRecallIsReported() {
        OutputCalibration.Result result = OutputCalibration.run();
        String report = result.report();
        System.out.println(report);
        LearnedEvaluationTest.Score replies = result.score("replies", result.replies(), OutputThresholds.CALIBRATED);
        LearnedEvaluationTest.Score before = result.score("replies", result.replies(), OutputThresholds.INPUT);

        assertThat(replies.falseBlockRate()).as(report).isLessThanOrEqualTo(MAX_FALSE_BLOCKS_ON_REPLIES);
        assertThat(before.falseBlockRate())
                .as("the input thresholds refuse more harmless replies")
                .isGreaterThan(replies.falseBlockRate());
    }

    @Test
    void theCommittedGuardAppliesTheOutputThresholdsOnOutputOnly() {
        LearnedWeights weights = LearnedWeights.committed();
        double s4 = weights.head(Category.S4).threshold();
        double output = OutputThresholds.CALIBRATED.of(Category.S4, s4);
        LearnedGuard.Scores between = new LearnedGuard.Scores(
                java.util.Map.of(Category.S4, (s4 + output) / 2), 0, com.companion.platform.guard.Policy.NONE);
        if (output > s4) {
            assertThat(LearnedGuard.decide(
                                    Verdict.allow(),
                                    between,
                                    GuardContext.input(Audience.CLEAN),
                                    weights,
                                    LearnedGuard.ConversationReading.NONE)
                            .blocked())
                    .isTrue();
            assertThat(LearnedGuard.decide(
                                    Verdict.allow(),
                                    between,
                                    GuardContext.output(Audience.CLEAN, null),
                                    weights,
                                    LearnedGuard.ConversationReading.NONE)
                            .blocked())
                    .isFalse();
        }
        LearnedGuard.Scores above = new LearnedGuard.Scores(
                java.util.Map.of(Category.S4, Math.min(1, output + 0.001)),
                0,
                com.companion.platform.guard.Policy.NONE);
        assertThat(LearnedGuard.decide(
                                Verdict.allow(),
                                above,
                                GuardContext.output(Audience.ADULT_MODE, null),
                                weights,
                                LearnedGuard.ConversationReading.NONE)
                        .policy())
                .isEqualTo(com.companion.platform.guard.Policy.MINORS);
    }

    /** Evaluated once with the committed constants; nothing was tuned on these lines. Loose floors. */
    @Test
    void blindHoldOutsOutputLines() {
        String set = LearnedBlindEvaluationTest.BLIND11;
        List<Corpus.Line> lines = Corpus.read(Corpus.resourceDir().resolve(set), set).stream()
                .filter(l -> l.stage() == Stage.OUTPUT)
                .toList();
        StringBuilder report =
                new StringBuilder("\n=== blind hold-out, output lines only ===").append(blind(set, lines));
        LearnedEvaluationTest.Score union = score("output thresholds", lines, OutputThresholds.CALIBRATED);
        System.out.println(report);
        assertThat(union.neverAllowedRecall()).as(report.toString()).isGreaterThanOrEqualTo(0.5);
        assertThat(union.falseBlockRate()).as(report.toString()).isLessThanOrEqualTo(0.10);
    }

    private static String blind(String name, List<Corpus.Line> lines) {
        return score(
                                name + " (" + lines.size() + " output lines), rules OR learned, output thresholds",
                                lines,
                                OutputThresholds.CALIBRATED)
                        .render(false)
                + score(name + ", rules OR learned, input thresholds", lines, OutputThresholds.INPUT)
                        .render(false)
                + score(name + ", rules alone", lines, null).render(false);
    }

    private static LearnedEvaluationTest.Score score(String name, List<Corpus.Line> lines, OutputThresholds output) {
        LearnedGuard guard = LearnedGuard.shared();
        ContentGuard rules = ContentGuard.rules();
        List<Trainer.Example> examples = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        for (Corpus.Line line : lines) {
            Verdict first = rules.check(line.text(), line.context());
            examples.add(new Trainer.Example(line, List.of(), new float[0], new int[0], first));
            verdicts.add(
                    first.blocked() || output == null
                            ? first
                            : LearnedGuard.decide(
                                    first,
                                    guard.scores(line.text()),
                                    line.context(),
                                    guard.weights(),
                                    output,
                                    LearnedGuard.ConversationReading.NONE));
        }
        return LearnedEvaluationTest.Score.of(name, examples, verdicts);
    }
}
