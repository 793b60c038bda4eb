package com.companion.auth.account.internal;

/** A unique index refused a value; {@code field} is the request field it came from. */
public class FieldTaken extends RuntimeException {

    private final String field;

    public FieldTaken(String field, Throwable cause) {
        super(field + " is taken", cause);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
