package com.companion.platform.guard;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The guard's answer.
 *
 * @param allowed false means do not send the text on: answer 400 on input, publish ReplyBlocked on output
 * @param policy why it was blocked; {@link Policy#NONE} when allowed
 * @param categories Llama Guard categories: the violated ones when blocked; when allowed, what was observed (for
 *     example S11 with {@link Flag#SUPPORT}, or the suspected category with {@link Flag#SUSPICIOUS})
 * @param reasons rule identifiers for analytics and review, e.g. {@code "minor:age + sexual:act"}; they name rules,
 *     never quote the text, so they are safe to log
 * @param flags support, suspicion and moderation-layer facts
 */
public record Verdict(
        boolean allowed, Policy policy, List<Category> categories, List<String> reasons, Set<Flag> flags) {

    public Verdict {
        Objects.requireNonNull(policy, "policy");
        categories = List.copyOf(categories);
        reasons = List.copyOf(reasons);
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        if (allowed != (policy == Policy.NONE)) {
            throw new IllegalArgumentException("an allowed verdict has policy NONE and a blocked one has a policy");
        }
    }

    private static final Verdict CLEAN = new Verdict(true, Policy.NONE, List.of(), List.of(), Set.of());

    public static Verdict allow() {
        return CLEAN;
    }

    public static Verdict block(Policy policy, List<Category> categories, List<String> reasons, Set<Flag> flags) {
        return new Verdict(false, policy, categories, reasons, flags);
    }

    public boolean blocked() {
        return !allowed;
    }

    /** Show crisis or abuse-support resources alongside the reply (or the refusal). */
    public boolean needsSupport() {
        return flags.contains(Flag.SUPPORT);
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    /** {@code ["S4", "S12"]}, as {@code ReplyBlocked.categories} carries them. */
    public List<String> categoryCodes() {
        return categories.stream().map(Category::code).toList();
    }

    /** The same verdict with one more flag and reason. */
    public Verdict with(Flag flag, String reason) {
        EnumSet<Flag> more = flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags);
        more.add(flag);
        List<String> moreReasons = new ArrayList<>(reasons);
        moreReasons.add(reason);
        return new Verdict(allowed, policy, categories, moreReasons, more);
    }
}
