package com.companion.platform.guard;

/**
 * Who the conversation is with, which decides what sexual content may pass. Derive it with
 * {@link #of(boolean, boolean)} from the verified token and the character snapshot, never from the message.
 */
public enum Audience {
    /** An adult user chatting with a character in adult mode: suggestive, non-graphic content between adults. */
    ADULT_MODE,
    /** An adult user with a character that is not in adult mode: no sexual content. */
    CLEAN,
    /** A user under 18: no sexual content, whatever the character says. */
    MINOR;

    public static Audience of(boolean userIsAdult, boolean characterAdultMode) {
        if (!userIsAdult) {
            return MINOR;
        }
        return characterAdultMode ? ADULT_MODE : CLEAN;
    }

    public boolean adultMode() {
        return this == ADULT_MODE;
    }
}
