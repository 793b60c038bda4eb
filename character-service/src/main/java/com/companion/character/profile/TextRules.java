package com.companion.character.profile;

import org.jspecify.annotations.Nullable;

/** Bounds of the free-text fields. Names end up in prompts: no control characters at all. */
final class TextRules {

    static final int NAME_MAX = 60;
    static final int DESCRIPTION_MAX = 2000;

    static final String NAME_PATTERN = "\\P{Cntrl}*";
    static final String NAME_PATTERN_MESSAGE = "must not contain control characters";

    // One character class, no alternation: matching 2000 characters must not recurse per character.
    static final String DESCRIPTION_PATTERN = "[\\P{Cntrl}\\n\\t]*";
    static final String DESCRIPTION_PATTERN_MESSAGE =
            "must not contain control characters other than newlines and tabs";

    static @Nullable String name(@Nullable String raw) {
        return raw == null ? null : raw.strip();
    }

    static String description(@Nullable String raw) {
        return raw == null ? "" : raw.replace("\r\n", "\n").strip();
    }

    private TextRules() {}
}
