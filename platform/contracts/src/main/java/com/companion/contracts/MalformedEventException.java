package com.companion.contracts;

/** A record value that is not a valid event envelope. Retrying cannot help: it belongs in a DLT. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
