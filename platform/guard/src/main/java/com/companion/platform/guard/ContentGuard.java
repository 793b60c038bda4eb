package com.companion.platform.guard;

import com.companion.platform.guard.learned.LearnedGuard;
import com.companion.platform.guard.rules.RuleGuard;

/**
 * Decides whether a chat message (input) or an assistant reply (output) may pass. Implementations are thread-safe and
 * never throw for any text: {@code null} or blank text is allowed.
 */
@FunctionalInterface
public interface ContentGuard {

    Verdict check(String text, GuardContext context);

    /**
     * What decides this guard's verdicts, as a short string that changes whenever they may change: the rules' revision,
     * the learned weights' digest, which heads block, an external layer. Text judged under another version may be judged
     * differently now, so a store of screened text (character sheets) screens it again. A guard that does not say
     * answers {@code "unversioned"}.
     */
    default String version() {
        return "unversioned";
    }

    /** The rule layer alone: normalisation plus combination rules, no network. Shared and thread-safe. */
    static ContentGuard rules() {
        return RuleGuard.shared();
    }

    /**
     * Everything that runs in-process, no network: the rules and the learned layer (a sentence-embedding classifier on
     * the CPU, a few milliseconds a message; its model loads once per JVM on first use). For checks that must not wait
     * on a provider, such as screening a reply while it streams. Shared and thread-safe.
     */
    static ContentGuard local() {
        return LearnedGuard.shared();
    }
}
