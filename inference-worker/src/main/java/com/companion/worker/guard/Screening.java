package com.companion.worker.guard;

import java.util.List;

/**
 * A guard's verdict.
 *
 * @param policy the rule that blocked, e.g. {@code minors}; null when allowed
 * @param categories Llama Guard codes (S1–S14) where they fit
 * @param support the text talks about self-harm or discloses abuse: allowed, but the reply should
 *     take it seriously and point to help
 */
public record Screening(boolean blocked, String policy, List<String> categories, boolean support) {

    public static final Screening ALLOWED = new Screening(false, null, List.of(), false);

    public Screening {
        categories = List.copyOf(categories);
    }

    public static Screening blocked(String policy, String... categories) {
        return new Screening(true, policy, List.of(categories), false);
    }
}
