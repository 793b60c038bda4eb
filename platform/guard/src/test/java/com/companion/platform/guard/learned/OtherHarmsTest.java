package com.companion.platform.guard.learned;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.platform.guard.Category;
import com.companion.platform.guard.ContentGuard;
import com.companion.platform.guard.Policy;
import com.companion.platform.guard.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The other harms the rules know ({@code guard-other-harms.tsv}): instructions for a weapon that kills
 * indiscriminately (S9), for hard drugs (S2) or for hurting a person undetected (S1) are refused as
 * {@code harmful-content} in every mode; a self-harm method asked for after ideation without naming it ("I want to die,
 * what's the quickest way") is refused as self-harm with support. Their look-alikes (a bath bomb, a plot, an idiom, a
 * way to ask for help) pass. A development set written with the rules, so every line must hold.
 */
class OtherHarmsTest {

    static final String FILE = "guard-other-harms.tsv";

    @Test
    void everyLineGetsItsVerdict() {
        ContentGuard guard = ContentGuard.local();
        List<String> wrong = new ArrayList<>();
        List<Corpus.Line> lines = Corpus.read(Corpus.resourceDir().resolve(FILE), FILE);
        for (Corpus.Line line : lines) {
            Verdict verdict = guard.check(line.text(), line.context());
            boolean right = line.blocked()
                    ? verdict.blocked()
                            && verdict.policy() == expectedPolicy(line.category())
                            && verdict.categories()
                                    .contains(Category.fromCode(line.category()).orElseThrow())
                            && (!line.category().equals("S11") || verdict.needsSupport())
                    : verdict.allowed() && verdict.needsSupport() == line.expectsSupport();
            if (!right) {
                wrong.add(line.text() + " -> " + verdict);
            }
        }
        assertThat(lines).hasSizeGreaterThan(30);
        assertThat(wrong).isEmpty();
    }

    private static Policy expectedPolicy(String category) {
        return category.equals("S11") ? Policy.SELF_HARM : Policy.HARMFUL_CONTENT;
    }
}
