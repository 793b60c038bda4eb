package com.companion.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.auth.account.PersonaController.PersonaRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The persona's description: up to 1000 characters of text in which line feeds are the only control characters.
 * Validated on a thread with the 512 KB stack the local stack gives every thread ({@code -Xss512k}), where the
 * former alternation ({@code (?:[^\p{Cntrl}]|\n)*}, a stack frame per character) overflowed at a few hundred
 * characters and a valid persona was answered with 500.
 */
class PersonaRequestTest {

    private static final long STACK = 512 * 1024;
    private static final String PLAIN_TEXT = "must be plain text";

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void openValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    @Test
    void descriptionsOfUpTo1000CharactersOfTextAndLineFeedsAreAccepted() {
        for (String description : List.of(
                "",
                "x".repeat(1000),
                "I love hiking. ".repeat(66) + "I love hik",
                "Short line.\n".repeat(82) + "And the last one",
                "\n".repeat(1000),
                "\uD83D\uDE80".repeat(500),
                "Émilie, 28 — «astronome» \u0085\u00A0\u2028\u2029 ok\n"
                        .repeat(40)
                        .substring(0, 1000))) {
            assertThat(description).hasSize(description.isEmpty() ? 0 : 1000);
            assertThat(violations("Mira", description)).as(description).isEmpty();
        }
    }

    @Test
    void aLongerDescriptionIsRefusedForItsLengthAlone() {
        for (String description : List.of(
                "x".repeat(1001),
                "Short line.\n".repeat(84),
                "I love hiking. ".repeat(50_000 / 15),
                "y".repeat(60_000))) {
            assertThat(violations("Mira", description))
                    .as("%d characters", description.length())
                    .containsOnlyKeys("description")
                    .hasEntrySatisfying(
                            "description",
                            message -> assertThat(message).contains("1000").doesNotContain(PLAIN_TEXT));
        }
    }

    @Test
    void controlCharactersOtherThanLineFeedsAreStillRefused() {
        for (char control = 0; control < 0x20; control++) {
            if (control == '\n') {
                continue;
            }
            for (String description :
                    List.of(String.valueOf(control), "x".repeat(999) + control, control + "\n".repeat(999))) {
                assertThat(violations("Mira", description))
                        .as("U+%04X", (int) control)
                        .containsExactly(Map.entry("description", PLAIN_TEXT));
            }
        }
        assertThat(violations("Mira", "delete\u007F")).containsExactly(Map.entry("description", PLAIN_TEXT));
        assertThat(violations("Mira", "Windows\r\nline")).containsExactly(Map.entry("description", PLAIN_TEXT));
        assertThat(violations("Mira", "tab\there")).containsExactly(Map.entry("description", PLAIN_TEXT));
        assertThat(violations("Mira", "x".repeat(1000) + "\u0007"))
                .containsOnlyKeys("description")
                .hasEntrySatisfying(
                        "description",
                        message -> assertThat(message).contains(PLAIN_TEXT).contains("1000"));
    }

    @Test
    void theNameRulesAreUnchanged() {
        assertThat(violations(" ", "")).containsOnlyKeys("name");
        assertThat(violations("n".repeat(61), "")).containsOnlyKeys("name");
        assertThat(violations("n".repeat(60), "")).isEmpty();
        assertThat(violations("a\nb", "")).containsOnlyKeys("name");
        assertThat(violations(" ".repeat(60_000), "")).containsOnlyKeys("name");
    }

    /** Field to message of every violation, validated on a thread with a 512 KB stack. */
    private static Map<String, String> violations(String name, String description) {
        CompletableFuture<Map<String, String>> result = new CompletableFuture<>();
        Thread thread = new Thread(
                null,
                () -> {
                    try {
                        Map<String, String> found = new TreeMap<>();
                        for (ConstraintViolation<PersonaRequest> violation :
                                validator.validate(new PersonaRequest(name, description))) {
                            found.merge(
                                    violation.getPropertyPath().toString(),
                                    violation.getMessage(),
                                    (a, b) -> a + "; " + b);
                        }
                        result.complete(found);
                    } catch (Throwable failure) {
                        result.completeExceptionally(failure);
                    }
                },
                "persona-validation",
                STACK);
        thread.start();
        return result.join();
    }
}
