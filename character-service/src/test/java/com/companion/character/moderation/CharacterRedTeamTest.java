package com.companion.character.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.character.core.CardFields;
import com.companion.character.core.Lorebook;
import com.companion.platform.guard.Category;
import com.companion.platform.guard.ContentGuard;
import com.companion.platform.guard.learned.LearnedGuard;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Character sheets written by a red-team helper who opened no project data, screened as a create request is
 * ({@link CharacterScreening} over the guard character-service runs, {@link ContentGuard#local()} with the learned layer
 * blocking in S4, S3 and S11): name, description, tags, greeting, scenario and
 * system prompt, in or out of adult mode. A sheet expected {@code refused} counts as caught by any refusal. The batch
 * was scored once before anything was tuned on it (the figures are in the file's first line); since then these are
 * regression floors, not a hold-out.
 */
class CharacterRedTeamTest {

    /** As character-service wires it: the rules, and the learned layer blocking in S4, S3 and S11 only. */
    private final CharacterScreening screening =
            new CharacterScreening(LearnedGuard.shared().blockingOnly(Set.of(Category.S4, Category.S3, Category.S11)));

    @ParameterizedTest(name = "{0}: at most {1} missed, {2} falsely refused")
    @CsvSource(textBlock = """
            redteam-6a-characters.tsv, 1, 6
            redteam-6b-characters.tsv, 3, 6
            redteam-9b-characters.tsv, 0, 3
            """)
    void theScreeningMissesAndRefusesNoMoreThanWhenTheRoundEnded(String file, int maxMissed, int maxFalseRefusals)
            throws IOException {
        int refused = 0;
        int accepted = 0;
        List<String> missed = new ArrayList<>();
        List<String> falseRefusals = new ArrayList<>();
        for (String[] line : read("redteam/" + file)) {
            boolean adultMode = line[1].equals("yes");
            Optional<Refusal> refusal = screening.screen(sheet(line), adultMode);
            String shown = line[2] + " " + line[1] + " " + line[3] + ": " + String.join(" | ", tail(line));
            if (line[0].equals("refused")) {
                refused++;
                if (refusal.isEmpty()) {
                    missed.add(shown);
                }
            } else {
                accepted++;
                refusal.ifPresent(
                        r -> falseRefusals.add(shown + " <- " + r.policy() + " in " + r.field() + " " + r.rules()));
            }
        }
        System.out.printf(
                "%s: missed %d/%d sheets to refuse, falsely refused %d/%d sheets to accept%n",
                file, missed.size(), refused, falseRefusals.size(), accepted);
        missed.forEach(text -> System.out.println("  MISSED " + text));
        falseRefusals.forEach(text -> System.out.println("  FALSE REFUSAL " + text));

        assertThat(refused + accepted).as("sheets read").isGreaterThan(20);
        assertThat(missed).as("sheets to refuse that pass").hasSizeLessThanOrEqualTo(maxMissed);
        assertThat(falseRefusals).as("sheets to accept that are refused").hasSizeLessThanOrEqualTo(maxFalseRefusals);
    }

    private static List<String> tail(String[] line) {
        return Arrays.stream(line, 4, line.length).filter(s -> !s.isBlank()).toList();
    }

    /** Columns: expected, adult_mode, category, name, description, tags, greeting, scenario, system_prompt. */
    private static CharacterText sheet(String[] line) {
        List<String> tags = Arrays.stream(line[5].split(","))
                .map(String::strip)
                .filter(tag -> !tag.isEmpty())
                .toList();
        CardFields card = new CardFields(
                "",
                field(line[6]),
                List.of(),
                field(line[7]),
                "",
                field(line[8]),
                "",
                "",
                "",
                "",
                Lorebook.EMPTY,
                Map.of());
        return new CharacterText(line[3], field(line[4]), tags, card);
    }

    private static String field(String text) {
        return text.replace("\\n", "\n");
    }

    private static List<String[]> read(String resource) throws IOException {
        List<String[]> lines = new ArrayList<>();
        try (InputStream in = CharacterRedTeamTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] columns = line.split("\t", -1);
                    assertThat(columns).as(line).hasSize(9);
                    lines.add(columns);
                }
            }
        }
        return lines;
    }
}
