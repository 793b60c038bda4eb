package com.companion.contracts;

/**
 * The stable identity of an event on the wire: a name such as {@code chat.reply-completed} that
 * never follows a Java class name, the topic it travels on and its schema version.
 */
public record EventType<T extends Event>(String name, String topic, int schemaVersion, Class<T> javaType) {

    public static <T extends Event> EventType<T> of(String name, String topic, Class<T> javaType) {
        return new EventType<>(name, topic, 1, javaType);
    }

    /** A type whose records are written at {@code schemaVersion}; readers still take every earlier version. */
    public static <T extends Event> EventType<T> of(String name, String topic, int schemaVersion, Class<T> javaType) {
        return new EventType<>(name, topic, schemaVersion, javaType);
    }
}
