package com.companion.platform.guard;

import java.util.Optional;

/**
 * Why a message was stopped, most severe first: when several apply, the first in this order is the verdict's policy
 * (self-harm ranks above sexual content so the refusal points to help). {@link #code()} is the stable name a client sees in the problem detail and analytics
 * read from {@code ReplyBlocked.policy}.
 */
public enum Policy {
    /** Nothing was violated. */
    NONE("none", null, false),
    /** Sexual content involving anyone under 18, stated, implied or described as childlike. Every mode. */
    MINORS("minors", Category.S4, true),
    /** Sexual content without consent: force, sleep, intoxication, refusal, coercion, voyeurism. Every mode. */
    NON_CONSENT("non-consent", Category.S3, true),
    /** Sexual content between family members, step-family included. Every mode. */
    INCEST("incest", Category.S3, true),
    /** Sexual content involving animals. Every mode. */
    BESTIALITY("bestiality", Category.S3, true),
    /** Content that encourages or instructs self-harm (talking about one's own feelings is never blocked). */
    SELF_HARM("self-harm", Category.S11, false),
    /** Sexual content outside adult mode, or graphic sexual description in adult mode. */
    SEXUAL_CONTENT("sexual-content", Category.S12, false),
    /**
     * Other harms: a plan to hurt a person (S1), making hard drugs (S2), weapons of mass harm and untraceable guns (S9),
     * hate against a protected group (S10). The rules catch the plain cases; the moderation model, where it is on,
     * the rest and the other categories.
     */
    HARMFUL_CONTENT("harmful-content", null, false);

    private final String code;
    private final Category category;
    private final boolean neverAllowed;

    Policy(String code, Category category, boolean neverAllowed) {
        this.code = code;
        this.category = category;
        this.neverAllowed = neverAllowed;
    }

    public String code() {
        return code;
    }

    /** The Llama Guard category this policy reports under, if it has a fixed one. */
    public Optional<Category> category() {
        return Optional.ofNullable(category);
    }

    /** True for content no mode, age or character setting can allow. */
    public boolean neverAllowed() {
        return neverAllowed;
    }

    /** The policy a moderation-model category maps to when the rules layer has no finer reading. */
    public static Policy forCategory(Category category) {
        return switch (category) {
            case S4 -> MINORS;
            case S3 -> NON_CONSENT;
            case S12 -> SEXUAL_CONTENT;
            case S11 -> SELF_HARM;
            default -> HARMFUL_CONTENT;
        };
    }
}
