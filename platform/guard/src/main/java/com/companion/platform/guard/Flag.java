package com.companion.platform.guard;

/** Extra facts about a verdict that the caller acts on besides allow/block. */
public enum Flag {
    /**
     * Show support resources (crisis lines, how to get help). Set when someone talks about suicide or self-harm, or
     * discloses abuse; such messages are allowed so the person is answered, not turned away.
     */
    SUPPORT,
    /**
     * The rules saw risk markers that did not add up to a violation (for example a minor and romance, or a
     * non-consent word on its own). Worth sampling for review; the layered guard fails closed on these.
     */
    SUSPICIOUS,
    /** The moderation model did not answer in time or failed; the verdict rests on the rules layer. */
    MODERATION_UNAVAILABLE
}
