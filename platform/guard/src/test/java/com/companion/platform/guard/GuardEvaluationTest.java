package com.companion.platform.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Scores the rule layer on the labelled sets: recall on never-allowed content (S4, S3) and the false-block rate on
 * benign messages, printed with every misclassified line. {@code guard-eval-blind.tsv} was written before the rules and
 * is never used to tune them; the thresholds apply to the union of both sets.
 */
class GuardEvaluationTest {

    static final double MIN_NEVER_ALLOWED_RECALL = 0.97;
    static final double MAX_FALSE_BLOCK_RATE = 0.03;

    private final ContentGuard guard = ContentGuard.rules();

    @Test
    void rulesMeetRecallAndFalseBlockTargets() {
        String[] names = System.getProperty(
                        "guard.eval.sets",
                        "guard-eval.tsv,guard-eval-blind.tsv,guard-eval-blind2.tsv,guard-eval-blind3.tsv")
                .split(",");
        List<EvalSet.Case> union = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (String name : names) {
            EvalSet set = EvalSet.load(name.strip());
            union.addAll(set.cases());
            report.append(score(set.name(), set.cases()).render());
        }
        Score total = score("union of " + Arrays.toString(names), union);
        report.append(total.render());
        System.out.println(report);

        assertThat(total.neverAllowedRecall())
                .as("recall on never-allowed content\n%s", report)
                .isGreaterThanOrEqualTo(MIN_NEVER_ALLOWED_RECALL);
        assertThat(total.falseBlockRate())
                .as("false-block rate on benign content\n%s", report)
                .isLessThanOrEqualTo(MAX_FALSE_BLOCK_RATE);
    }

    record Score(
            String name,
            int neverAllowed,
            int neverAllowedCaught,
            int policy,
            int policyCaught,
            int benign,
            int benignBlocked,
            int blockedTotal,
            int categoryRight,
            int supportExpected,
            int supportFlagged,
            List<String> misses) {

        double neverAllowedRecall() {
            return ratio(neverAllowedCaught, neverAllowed);
        }

        double falseBlockRate() {
            return benign == 0 ? 0 : (double) benignBlocked / benign;
        }

        static double ratio(int a, int b) {
            return b == 0 ? 1 : (double) a / b;
        }

        String render() {
            StringBuilder out = new StringBuilder();
            out.append("\n=== ").append(name).append(" ===\n");
            out.append(String.format(
                    Locale.ROOT,
                    "never-allowed recall  %d/%d = %.3f%n",
                    neverAllowedCaught,
                    neverAllowed,
                    neverAllowedRecall()));
            out.append(String.format(
                    Locale.ROOT,
                    "policy-block recall   %d/%d = %.3f  (S12 outside adult mode / graphic, S11 encouragement)%n",
                    policyCaught,
                    policy,
                    ratio(policyCaught, policy)));
            out.append(String.format(
                    Locale.ROOT, "false-block rate      %d/%d = %.3f%n", benignBlocked, benign, falseBlockRate()));
            out.append(String.format(
                    Locale.ROOT,
                    "category agreement    %d/%d = %.3f  (blocked lines whose verdict carries the expected category)%n",
                    categoryRight,
                    blockedTotal,
                    ratio(categoryRight, blockedTotal)));
            out.append(String.format(
                    Locale.ROOT,
                    "support flag          %d/%d = %.3f%n",
                    supportFlagged,
                    supportExpected,
                    ratio(supportFlagged, supportExpected)));
            misses.forEach(m -> out.append("  ").append(m).append('\n'));
            return out.toString();
        }
    }

    private Score score(String name, List<EvalSet.Case> cases) {
        int neverAllowed = 0, neverCaught = 0, policy = 0, policyCaught = 0, benign = 0, benignBlocked = 0;
        int blockedTotal = 0, categoryRight = 0, supportExpected = 0, supportFlagged = 0;
        List<String> misses = new ArrayList<>();
        for (EvalSet.Case c : cases) {
            Verdict v = guard.check(c.text(), c.context());
            String where = c.source() + ":" + c.line();
            if (c.blocked()) {
                blockedTotal++;
                boolean categoryOk = v.blocked() && v.categoryCodes().contains(c.category());
                if (categoryOk) {
                    categoryRight++;
                }
                if (c.neverAllowed()) {
                    neverAllowed++;
                    neverCaught += v.blocked() ? 1 : 0;
                } else {
                    policy++;
                    policyCaught += v.blocked() ? 1 : 0;
                }
                if (v.allowed()) {
                    misses.add("MISSED  [" + c.category() + "/" + c.audience() + "/" + c.stage() + "] " + c.text()
                            + "   (" + where + ")");
                } else if (!categoryOk) {
                    misses.add("WRONG-CATEGORY expected " + c.category() + " got " + v.categoryCodes() + " "
                            + v.reasons() + ": " + c.text() + "   (" + where + ")");
                }
            } else {
                benign++;
                if (v.blocked()) {
                    benignBlocked++;
                    misses.add("FALSE-BLOCK [" + v.policy().code() + " " + v.reasons() + "/" + c.audience() + "] "
                            + c.text() + "   (" + where + ")");
                }
                if (c.expectsSupport()) {
                    supportExpected++;
                    if (v.needsSupport()) {
                        supportFlagged++;
                    } else if (v.allowed()) {
                        misses.add("NO-SUPPORT-FLAG " + c.text() + "   (" + where + ")");
                    }
                }
            }
        }
        return new Score(
                name,
                neverAllowed,
                neverCaught,
                policy,
                policyCaught,
                benign,
                benignBlocked,
                blockedTotal,
                categoryRight,
                supportExpected,
                supportFlagged,
                misses);
    }
}
