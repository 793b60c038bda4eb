package com.companion.contracts;

public class UnknownEventTypeException extends MalformedEventException {

    public UnknownEventTypeException(String name) {
        super("unknown event type '" + name + "'", null);
    }
}
