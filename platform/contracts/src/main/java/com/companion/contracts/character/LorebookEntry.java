package com.companion.contracts.character;

import java.util.List;

/**
 * One enabled lorebook (character_book) entry: {@code content} goes into the prompt when one of
 * {@code keys} appears in the recent messages (and, when {@code selective}, one of
 * {@code secondaryKeys} too), or always when {@code constant}. Lower {@code insertionOrder} is
 * inserted first.
 */
public record LorebookEntry(
        List<String> keys,
        List<String> secondaryKeys,
        String content,
        boolean constant,
        boolean selective,
        int insertionOrder,
        LorebookPosition position,
        boolean caseSensitive,
        boolean useRegex) {

    public LorebookEntry {
        keys = List.copyOf(keys);
        secondaryKeys = List.copyOf(secondaryKeys);
    }
}
