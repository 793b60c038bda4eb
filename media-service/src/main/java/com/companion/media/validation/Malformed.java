package com.companion.media.validation;

/** The bytes do not hold together as the format they claim to be. */
final class Malformed extends Exception {

    Malformed(String message) {
        super(message, null, false, false);
    }
}
