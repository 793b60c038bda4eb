package com.companion.platform.guard.learned;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.platform.guard.Category;
import com.companion.platform.guard.ContentGuard;
import com.companion.platform.guard.GuardContext;
import com.companion.platform.guard.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The hold-outs nothing is trained or tuned on, scored with the committed guard ({@link ContentGuard#local()}): blind11
 * and blind12 (written at the start of the sixth and seventh rounds) and the conversation hold-out. The earlier hold-outs (blind4 to blind10)
 * were spent by the rounds that read their figures and joined the training corpus (blind4-7 in the fifth round,
 * blind8-10 in the sixth). The floors are loose on purpose; they catch a broken layer, not a percent. The first-run
 * figures are in the README.
 */
class LearnedBlindEvaluationTest {

    static final String CONTEXT = "guard-context-blind.tsv";

    static final String CONTEXT2 = "guard-context-blind2.tsv";

    static final String CONTEXT3 = "guard-context-blind3.tsv";
    static final String BLIND11 = "guard-eval-blind11.tsv";
    static final String BLIND12 = "guard-eval-blind12.tsv";

    static final String BLIND13 = "guard-eval-blind13.tsv";

    static final String BLIND14 = "guard-eval-blind14.tsv";

    static final String DEV14 = "guard-dev14.tsv";

    static final String BLIND15 = "guard-eval-blind15.tsv";

    static final String BLIND16 = "guard-eval-blind16.tsv";

    /** The learned heads that block in character-service ({@code platform.guard.learned.blocks} in its config). */
    static final Set<Category> CHARACTER_SERVICE_BLOCKS = Set.of(Category.S4, Category.S3, Category.S11);

    /**
     * The eleventh hold-out (330 lines, 53 creator texts), written from scratch at the start of the sixth round by a
     * writer who opened no project data, and committed before any change of the round.
     */
    @Test
    void blindHoldOut11() {
        holdOut(BLIND11);
    }

    /**
     * The twelfth hold-out (323 lines, 51 creator texts), written from scratch at the start of the seventh round by a
     * writer who opened no project data, and committed before it was first scored.
     */
    @Test
    void blindHoldOut12() {
        holdOut(BLIND12);
    }

    /**
     * The thirteenth hold-out: 201 creator texts (character sheets; 70 never-allowed or sexual outside adult mode, 131
     * allowed, 50 of them in adult mode), written from scratch by a writer who opened no project data, and committed
     * before it was first scored.
     */
    @Test
    void blindHoldOut13() {
        holdOut(BLIND13);
    }

    /**
     * The fourteenth hold-out (330 single messages: 61 S4, 54 S3, 25 S11, 15 S12, 175 allowed of which 25 with support),
     * written from scratch at the start of the eighth round by a writer who opened no project data, and committed
     * before it was first scored.
     */
    @Test
    void blindHoldOut14() {
        holdOut(BLIND14);
    }

    /**
     * The fifteenth hold-out (335 single messages: 60 S4, 60 S3, 25 S11, 15 S12, 175 allowed of which 25 with support),
     * written from scratch at the start of the ninth round by a writer who opened no project data, and committed
     * before it was first scored.
     */
    @Test
    void blindHoldOut15() {
        holdOut(BLIND15);
    }

    /**
     * The sixteenth hold-out (335 single messages: 60 S4, 60 S3, 25 S11, 15 S12, 175 allowed of which 25 with support),
     * written from scratch at the start of the eleventh round by a writer who opened no project data, and committed
     * before it was first scored.
     */
    @Test
    void blindHoldOut16() {
        holdOut(BLIND16);
    }

    /**
     * The eighth round's development set (421 single messages), written like the hold-outs but read: its misses
     * became the round's rules, and since the ninth round it is in the training corpus. Its figures are not blind.
     */
    @Test
    void developmentSet14() {
        holdOut(DEV14);
    }

    private static void holdOut(String file) {
        List<Corpus.Line> lines = Corpus.read(Corpus.resourceDir().resolve(file), file);
        List<GuardContext> contexts = lines.stream().map(Corpus.Line::context).toList();
        LearnedEvaluationTest.Score local =
                score("rules + learned (ContentGuard.local())", lines, contexts, ContentGuard.local());
        LearnedEvaluationTest.Score rules = score("rules alone", lines, contexts, ContentGuard.rules());
        List<Corpus.Line> creator =
                lines.stream().filter(l -> l.note().contains("creator")).toList();
        LearnedEvaluationTest.Score creatorScore = score(
                "rules + learned, creator texts only",
                creator,
                creator.stream().map(Corpus.Line::context).toList(),
                ContentGuard.local());
        // character-service screens creator text with the rules and the learned S4, S3 and S11 heads
        // (platform.guard.learned.blocks), so these are the figures a creator meets there; then with the S4 head alone
        // (what it ran before) and with the rules alone.
        List<GuardContext> creatorContexts =
                creator.stream().map(Corpus.Line::context).toList();
        LearnedEvaluationTest.Score creatorService = score(
                "rules + learned S4, S3, S11 heads, creator texts only (as character-service screens them)",
                creator,
                creatorContexts,
                LearnedGuard.shared().blockingOnly(CHARACTER_SERVICE_BLOCKS));
        LearnedEvaluationTest.Score creatorS4 = score(
                "rules + learned S4 head, creator texts only",
                creator,
                creatorContexts,
                LearnedGuard.shared().blockingOnly(Set.of(Category.S4)));
        LearnedEvaluationTest.Score creatorRules =
                score("rules alone, creator texts only", creator, creatorContexts, ContentGuard.rules());
        String report = "\n=== " + file + " (" + lines.size() + " lines, " + overlap(lines)
                + " texts also in the training corpus) ===" + local.render(false) + rules.render(false)
                + creatorScore.render(false) + creatorService.render(false) + creatorS4.render(false)
                + creatorRules.render(false);
        System.out.println(report);
        assertThat(local.neverAllowedRecall()).as(report).isGreaterThanOrEqualTo(0.5);
        assertThat(local.falseBlockRate()).as(report).isLessThanOrEqualTo(0.15);
    }

    @Test
    void blindConversations() {
        conversations(CONTEXT, true);
    }

    /**
     * The second conversation hold-out (225 conversations: 87 never-allowed only through the earlier messages, 138
     * benign follow-ups), written from scratch by a writer who opened no project data, committed before it was first
     * scored. Its first score printed the lines it got wrong, so it has been read: the eighth round's context changes
     * were made after, and its figures since are not blind.
     */
    @Test
    void blindConversations2() {
        conversations(CONTEXT2, true);
    }

    /**
     * The third conversation hold-out (207 conversations: 92 never-allowed only through the earlier messages, 115
     * benign follow-ups), written like the second, committed before it was first scored. Its report gives counts only,
     * never the lines, so it stays blind.
     */
    @Test
    void blindConversations3() {
        conversations(CONTEXT3, false);
    }

    private static void conversations(String file, boolean showLines) {
        List<Corpus.InConversation> read = Corpus.readConversations(file);
        List<Corpus.Line> lines = read.stream().map(Corpus.InConversation::line).toList();
        List<GuardContext> contexts =
                read.stream().map(Corpus.InConversation::context).toList();
        LearnedEvaluationTest.Score local =
                score("rules + learned, with the conversation", lines, contexts, ContentGuard.local());
        LearnedEvaluationTest.Score rules =
                score("rules alone, with the conversation", lines, contexts, ContentGuard.rules());
        List<GuardContext> alone =
                lines.stream().map(l -> GuardContext.input(l.audience())).toList();
        LearnedEvaluationTest.Score noContext =
                score("rules + learned, text alone (no conversation)", lines, alone, ContentGuard.local());
        String report = "\n=== " + file + " (" + lines.size() + " lines) ===" + local.render(showLines)
                + rules.render(false) + noContext.render(false);
        System.out.println(report);
        // a floor against breakage, not the target: conversations are refused more often than single messages (blind3
        // read 0.209 before the eighth round's context changes and 0.157 after)
        assertThat(local.neverAllowedRecall()).as(report).isGreaterThanOrEqualTo(0.5);
        assertThat(local.falseBlockRate()).as(report).isLessThanOrEqualTo(0.2);
    }

    private static LearnedEvaluationTest.Score score(
            String name, List<Corpus.Line> lines, List<GuardContext> contexts, ContentGuard guard) {
        List<Trainer.Example> examples = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            examples.add(new Trainer.Example(lines.get(i), List.of(), new float[0], new int[0], Verdict.allow()));
            verdicts.add(guard.check(lines.get(i).text(), contexts.get(i)));
        }
        return LearnedEvaluationTest.Score.of(name, examples, verdicts);
    }

    private static long overlap(List<Corpus.Line> lines) {
        java.util.Set<String> training = new java.util.HashSet<>();
        TrainingData.corpus().lines().forEach(l -> training.add(Corpus.dedupeKey(l.text())));
        return lines.stream()
                .filter(l -> training.contains(Corpus.dedupeKey(l.text())))
                .count();
    }

    static String format(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
