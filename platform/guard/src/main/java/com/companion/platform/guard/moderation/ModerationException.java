package com.companion.platform.guard.moderation;

/** The moderation model gave no usable answer (HTTP error, unreadable body, unknown verdict). */
public class ModerationException extends RuntimeException {

    public ModerationException(String message) {
        super(message);
    }

    public ModerationException(String message, Throwable cause) {
        super(message, cause);
    }
}
