package com.companion.platform.guard.learned;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.platform.guard.Category;
import com.companion.platform.guard.ContentGuard;
import com.companion.platform.guard.Verdict;
import com.companion.platform.guard.moderation.LayeredGuard;
import com.companion.platform.guard.moderation.ModerationClient;
import com.companion.platform.guard.rules.RuleGuard;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A guard's version changes whenever its verdicts may: stores of screened text (character sheets) screen again what
 * was judged under another one, so a version that stayed the same over a change would leave old verdicts standing.
 */
class GuardVersionTest {

    @Test
    void theRulesVersionIsTheDigestOfTheirVerdictsOnTheCorpusAndTheHoldOuts() throws Exception {
        List<Corpus.Line> lines = new ArrayList<>(Corpus.load().lines());
        for (String file :
                List.of(LearnedBlindEvaluationTest.BLIND11, LearnedBlindEvaluationTest.BLIND12, OtherHarmsTest.FILE)) {
            lines.addAll(Corpus.read(Corpus.resourceDir().resolve(file), file));
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Corpus.Line line : lines) {
            Verdict verdict = RuleGuard.shared().check(line.text(), line.context());
            String record = line.audience() + "|" + line.stage() + "|" + line.text() + "|" + verdict.blocked() + "|"
                    + verdict.policy() + "|"
                    + verdict.categories().stream().sorted().toList() + "|"
                    + verdict.flags().stream().sorted().toList() + "\n";
            sha.update(record.getBytes(StandardCharsets.UTF_8));
        }
        int conversations = 0;
        for (String file : List.of(
                LearnedBlindEvaluationTest.CONTEXT,
                LearnedBlindEvaluationTest.CONTEXT2,
                LearnedBlindEvaluationTest.CONTEXT3)) {
            for (Corpus.InConversation line : Corpus.readConversations(file)) {
                Verdict verdict = RuleGuard.shared().check(line.line().text(), line.context());
                sha.update((line.raw() + "|" + verdict.blocked() + "|" + verdict.policy() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                conversations++;
            }
        }
        int redTeam = 0;
        for (String file : RedTeamEvaluationTest.FILES) {
            for (String[] line : RedTeamEvaluationTest.read("redteam/" + file)) {
                Verdict verdict = RuleGuard.shared().check(line[3], RedTeamEvaluationTest.context(line));
                sha.update((String.join("\t", line) + "|" + verdict.blocked() + "|" + verdict.policy() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                redTeam++;
            }
        }
        String expected = "rules/" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);

        assertThat(RuleGuard.VERSION)
                .as(
                        "the rules' verdicts on %d corpus and hold-out lines, %d conversations and %d red-team lines"
                                + " changed (or those"
                                + " lines did): set RuleGuard.VERSION to \"%s\", so that character sheets are screened"
                                + " again",
                        lines.size(), conversations, redTeam, expected)
                .isEqualTo(expected);
        assertThat(ContentGuard.rules().version()).isEqualTo(RuleGuard.VERSION);
    }

    @Test
    void theLearnedVersionNamesTheRulesTheWeightsAndTheBlockingHeads() {
        LearnedGuard all = LearnedGuard.shared();
        LearnedWeights weights = all.weights();

        assertThat(all.version())
                .isEqualTo(RuleGuard.VERSION + " learned/" + LearnedGuard.DECISION_REVISION + "." + weights.digest()
                        + " blocks/S4,S3,S11,S12")
                .isEqualTo(ContentGuard.local().version());
        assertThat(all.blockingOnly(Set.of(Category.S11, Category.S4)).version())
                .isEqualTo(RuleGuard.VERSION + " learned/" + LearnedGuard.DECISION_REVISION + "." + weights.digest()
                        + " blocks/S4,S11");
        assertThat(weights.digest())
                .hasSize(12)
                .isEqualTo(LearnedWeights.committed().digest());
    }

    @Test
    void otherWeightsGiveAnotherVersion() {
        LearnedWeights weights = LearnedWeights.committed();
        LearnedWeights released = new LearnedWeights(
                weights.modelId(),
                weights.corpusSha256(),
                weights.corpusLines(),
                weights.normalizedInput(),
                weights.training(),
                weights.heads(),
                weights.minorSexualThreshold(),
                weights.contextThreshold(),
                weights.nonConsentKinds(),
                weights.sexualReleaseThreshold() + 0.01);

        assertThat(new LearnedGuard(RuleGuard.shared(), SentenceEmbedder::shared, released).version())
                .isNotEqualTo(LearnedGuard.shared().version());
    }

    @Test
    void aModerationLayerAddsItsModelAndWhatItOnlyRecords() {
        ModerationClient client = new ModerationClient() {
            @Override
            public CompletableFuture<com.companion.platform.guard.moderation.ModerationResult> classify(
                    String text, com.companion.platform.guard.GuardContext context) {
                return new CompletableFuture<>();
            }

            @Override
            public String version() {
                return "llama-guard/test";
            }
        };
        ContentGuard layered =
                new LayeredGuard(ContentGuard.rules(), client, Duration.ofSeconds(1), Set.of(Category.S6, Category.S5));

        assertThat(layered.version()).isEqualTo(RuleGuard.VERSION + " llama-guard/test record-only/S5,S6");
    }
}
