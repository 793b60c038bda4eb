package com.companion.character.moderation;

import com.companion.platform.guard.Policy;
import com.companion.platform.guard.Verdict;
import com.companion.platform.web.problem.ApiProblem;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Why a character's text was refused, without quoting it.
 *
 * @param policy the guard policy's code ({@code minors}, {@code sexual-content}, ...) or
 *     {@link #INSTRUCTION_OVERRIDE}
 * @param categories Llama Guard category codes ({@code ["S4"]}); empty for an instruction override
 * @param field the first field that fails alone ({@code name}, {@code description}, {@code tags}), or
 *     {@code character} when only the fields together fail
 * @param rules the rule names that matched, for logs and review (never shown to the creator)
 * @param severity lower is worse: never-allowed content, then instruction overrides, then the rest
 */
public record Refusal(String policy, List<String> categories, String field, List<String> rules, int severity) {

    /** The policy code of text that tries to overrule the system's rules. */
    public static final String INSTRUCTION_OVERRIDE = "instruction-override";

    private static final int OVERRIDE_SEVERITY = 10;

    public Refusal {
        categories = List.copyOf(categories);
        rules = List.copyOf(rules);
    }

    static Refusal of(Verdict verdict, String field) {
        Policy policy = verdict.policy();
        int severity = policy.neverAllowed() ? policy.ordinal() : OVERRIDE_SEVERITY + 1 + policy.ordinal();
        return new Refusal(policy.code(), verdict.categoryCodes(), field, verdict.reasons(), severity);
    }

    static Refusal override(String rule, String field) {
        return new Refusal(INSTRUCTION_OVERRIDE, List.of(), field, List.of(rule), OVERRIDE_SEVERITY);
    }

    boolean worseThan(Refusal other) {
        return severity < other.severity;
    }

    /** What the owner of a hidden character is told. */
    public String ownerReason() {
        return "The text breaks the content rules (" + policy + ") in " + fieldPhrase() + ".";
    }

    /** For the moderation log: policy, field and rule names (no text). */
    public String auditReason() {
        String reason = policy + " in " + field + " " + rules;
        return reason.length() <= 500 ? reason : reason.substring(0, 500);
    }

    /** 422 {@code content-blocked}: nothing was changed. */
    public ApiProblem problem() {
        return new ApiProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "content-blocked",
                "Content Not Allowed",
                "The character's text breaks the content rules (" + policy + ") in " + fieldPhrase()
                        + "; nothing was changed.",
                Map.of("policy", policy, "categories", categories, "field", field));
    }

    private String fieldPhrase() {
        return CharacterText.TOGETHER.equals(field) ? "its fields taken together" : "the field " + field;
    }
}
