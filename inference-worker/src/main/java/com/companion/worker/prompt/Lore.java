package com.companion.worker.prompt;

import com.companion.contracts.character.LorebookEntry;
import com.companion.contracts.character.LorebookPosition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Picks the lorebook entries for a prompt: constant entries always; the others when one of their keys
 * appears in the scanned text (and, for a selective entry, one of its secondary keys too). Chosen
 * entries are taken by {@code insertion_order} (lower first) while their content fits the budget.
 *
 * <p>Plain keys match as whole words, ignoring case unless the entry is case-sensitive. Regex keys are
 * creator-written patterns run on user text, so each match is bounded: a pattern that backtracks past
 * a fixed number of steps counts as no match instead of holding the worker.
 */
final class Lore {

    /** Steps (characters read) one regex key may take on the scanned text. */
    static final int REGEX_STEP_LIMIT = 200_000;

    record Chosen(List<String> beforeCharacter, List<String> afterCharacter) {
        static final Chosen NONE = new Chosen(List.of(), List.of());
    }

    private Lore() {}

    static Chosen choose(List<LorebookEntry> entries, String scanned, int budgetChars) {
        if (entries.isEmpty()) {
            return Chosen.NONE;
        }
        List<LorebookEntry> triggered = new ArrayList<>();
        for (LorebookEntry entry : entries) {
            if (entry.content().isBlank()) {
                continue;
            }
            if (entry.constant()
                    || (anyMatches(entry.keys(), entry, scanned)
                            && (!entry.selective()
                                    || entry.secondaryKeys().isEmpty()
                                    || anyMatches(entry.secondaryKeys(), entry, scanned)))) {
                triggered.add(entry);
            }
        }
        triggered.sort(Comparator.comparingInt(LorebookEntry::insertionOrder));
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        int used = 0;
        for (LorebookEntry entry : triggered) {
            int length = entry.content().length();
            if (used + length > budgetChars) {
                continue;
            }
            used += length;
            (entry.position() == LorebookPosition.AFTER_CHAR ? after : before).add(entry.content());
        }
        return new Chosen(before, after);
    }

    private static boolean anyMatches(List<String> keys, LorebookEntry entry, String scanned) {
        for (String key : keys) {
            if (!key.isBlank() && matches(key, entry, scanned)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String key, LorebookEntry entry, String scanned) {
        int flags = entry.caseSensitive() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        Pattern pattern;
        if (entry.useRegex()) {
            try {
                pattern = Pattern.compile(key, flags);
            } catch (PatternSyntaxException e) {
                return false;
            }
        } else {
            String quoted = Pattern.quote(key.strip());
            String start = Character.isLetterOrDigit(key.strip().codePointAt(0)) ? "(?<![\\p{L}\\p{N}])" : "";
            String end = Character.isLetterOrDigit(
                            key.strip().codePointBefore(key.strip().length()))
                    ? "(?![\\p{L}\\p{N}])"
                    : "";
            pattern = Pattern.compile(start + quoted + end, flags);
        }
        try {
            return pattern.matcher(new BoundedText(scanned, REGEX_STEP_LIMIT)).find();
        } catch (BoundedText.TooManySteps e) {
            return false;
        }
    }

    /** Text that stops a regex after a number of character reads (Java regexes have no timeout). */
    private static final class BoundedText implements CharSequence {

        static final class TooManySteps extends RuntimeException {
            TooManySteps() {
                super(null, null, false, false);
            }
        }

        private final String text;
        private final int[] steps;
        private final int limit;

        BoundedText(String text, int limit) {
            this(text, new int[1], limit);
        }

        private BoundedText(String text, int[] steps, int limit) {
            this.text = text;
            this.steps = steps;
            this.limit = limit;
        }

        @Override
        public char charAt(int index) {
            if (++steps[0] > limit) {
                throw new TooManySteps();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BoundedText(text.substring(start, end), steps, limit);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
