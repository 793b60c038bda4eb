package com.companion.offlinellm;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for Llama Guard: answers {@code safe}, or {@code unsafe\nS<n>} when the conversation
 * carries a {@code [unsafe:S<n>]} marker, so tests can drive a moderation layer.
 */
final class LlamaGuard {

    private static final Pattern MARKER = Pattern.compile("\\[unsafe:(S\\d{1,2})]", Pattern.CASE_INSENSITIVE);

    private LlamaGuard() {}

    static boolean isGuardModel(String model) {
        return model != null && model.toLowerCase(Locale.ROOT).contains("llama-guard");
    }

    /** Looks at the last user message and at the last message (the turn being classified). */
    static String verdict(List<ChatMessage> messages) {
        Set<String> categories = new LinkedHashSet<>();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                collect(messages.get(i).content(), categories);
                break;
            }
        }
        if (!messages.isEmpty()) {
            collect(messages.getLast().content(), categories);
        }
        return categories.isEmpty() ? "safe" : "unsafe\n" + String.join(",", categories);
    }

    private static void collect(String text, Set<String> categories) {
        Matcher matcher = MARKER.matcher(text);
        while (matcher.find()) {
            categories.add(matcher.group(1).toUpperCase(Locale.ROOT));
        }
    }
}
