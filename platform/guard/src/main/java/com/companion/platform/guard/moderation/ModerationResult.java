package com.companion.platform.guard.moderation;

import com.companion.platform.guard.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the moderation model said. {@code unsafe} with no category it recognises still counts as unsafe.
 *
 * @param safe true for {@code safe}
 * @param categories the reported categories, in the model's order
 */
public record ModerationResult(boolean safe, List<Category> categories) {

    public ModerationResult {
        categories = List.copyOf(categories);
        if (safe && !categories.isEmpty()) {
            throw new IllegalArgumentException("a safe result has no categories");
        }
    }

    public static ModerationResult ofSafe() {
        return new ModerationResult(true, List.of());
    }

    public static ModerationResult unsafe(Category... categories) {
        return new ModerationResult(false, List.of(categories));
    }

    /**
     * Parses Llama Guard's answer: {@code safe}, or {@code unsafe} followed on the next line by {@code S<n>[,S<m>]}.
     * Tolerates surrounding blanks, case and commas or spaces between codes.
     *
     * @throws ModerationException when the answer is neither
     */
    public static ModerationResult parse(String answer) {
        if (answer == null) {
            throw new ModerationException("empty moderation answer");
        }
        String[] lines = answer.strip().split("\\R", 2);
        String verdict = lines[0].strip().toLowerCase(Locale.ROOT);
        if (verdict.equals("safe")) {
            return ofSafe();
        }
        if (!verdict.equals("unsafe")) {
            throw new ModerationException("unrecognised moderation answer");
        }
        List<Category> categories = new ArrayList<>();
        if (lines.length > 1) {
            for (String code : lines[1].split("[,\\s]+")) {
                Category.fromCode(code).filter(c -> !categories.contains(c)).ifPresent(categories::add);
            }
        }
        return new ModerationResult(false, categories);
    }
}
