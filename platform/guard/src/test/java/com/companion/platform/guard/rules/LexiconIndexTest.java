package com.companion.platform.guard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.platform.guard.Normalizer;
import com.companion.platform.guard.rules.Lexicon.Hit;
import com.companion.platform.guard.rules.Lexicon.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link Lexicon#scan} tries at a word start only the rules its index holds for the characters there. This compares
 * it with trying every rule at every word start, on texts from every labelled set in the test resources and on texts
 * built to sit at the index's edges (words of one to four characters, the end of the text, letters beyond ASCII
 * second, third or fourth, a censoring star). It fails if the index leaves out a rule that matches.
 */
class LexiconIndexTest {

    @Test
    void findsWhatTryingEveryRuleFinds() throws IOException {
        List<String> texts = new ArrayList<>(List.of(
                "i",
                "im 1",
                "a 12yo",
                "12",
                "f*ck her",
                "s*x with a 13 yo",
                "she s 9",
                "wanna 69",
                "x",
                "my sis ter and me",
                "caf\u00e9 s\u00e9x 14 \u00e0",
                "\u4e2d 14yo \u4e2d\u6587",
                "kms",
                "un alive",
                "im 15 and he touched me",
                "hes 1 4",
                "sex",
                "sexy",
                "sex\u00e9 13",
                "kid\u00e9 14yo",
                "i m 1",
                "rape",
                "rap",
                "f*ck",
                "teen",
                "tee\u4e2d"));
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                // Every eighth line (about 1,700 of them): trying every rule is slow, and the test stays seconds long.
                for (int i = 0; i < lines.size(); i += 8) {
                    for (String field : lines.get(i).split("\t")) {
                        if (field.length() > 3) {
                            texts.add(field);
                        }
                    }
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(1_500);
        int hits = 0;
        for (String raw : texts) {
            String text = Normalizer.normalize(raw);
            List<Hit> indexed = sorted(Lexicon.scan(text));
            assertThat(indexed).as(text).isEqualTo(sorted(everyRule(text)));
            hits += indexed.size();
        }
        assertThat(hits).as("hits over all texts").isGreaterThan(1_500);
    }

    private static Map<Lexicon.Marker, List<Hit>> everyRule(String text) {
        Map<Lexicon.Marker, List<Hit>> hits = new java.util.EnumMap<>(Lexicon.Marker.class);
        for (int pos = 0; pos < text.length(); pos++) {
            char c = text.charAt(pos);
            boolean afterWordChar = pos > 0 && isWordChar(text.charAt(pos - 1));
            if (c >= 128 || afterWordChar || c == ' ') {
                continue;
            }
            for (Rule rule : Lexicon.rules()) {
                Matcher matcher = rule.pattern()
                        .matcher(text)
                        .useTransparentBounds(true)
                        .useAnchoringBounds(false)
                        .region(pos, text.length());
                if (matcher.lookingAt()) {
                    hits.computeIfAbsent(rule.marker(), m -> new ArrayList<>())
                            .add(new Hit(rule.marker(), rule.id(), matcher.start(), matcher.end()));
                }
            }
        }
        return Lexicon.withoutRuledOut(hits);
    }

    private static List<Hit> sorted(Map<Lexicon.Marker, List<Hit>> hits) {
        return hits.values().stream()
                .flatMap(List::stream)
                .sorted(Comparator.comparing(Hit::marker)
                        .thenComparing(Hit::start)
                        .thenComparing(Hit::end)
                        .thenComparing(Hit::id))
                .toList();
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
