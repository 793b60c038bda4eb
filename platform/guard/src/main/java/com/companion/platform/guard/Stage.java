package com.companion.platform.guard;

import java.util.Locale;

/** Where the guard runs: on the user's message before the LLM sees it, or on the LLM's whole reply. */
public enum Stage {
    INPUT,
    OUTPUT;

    /** {@code "input"} or {@code "output"}, as {@code ReplyBlocked.stage} carries it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
