package com.companion.contracts;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * Every record component of an event is required unless it is annotated {@link Nullable}; a
 * decoded event missing one is malformed, so it fails at the boundary (and goes to the DLT)
 * rather than as a null deep inside a consumer.
 */
final class RequiredFields {

    static void check(Object value, String path) {
        if (value == null || !value.getClass().isRecord()) {
            return;
        }
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            Object field;
            try {
                field = component.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String fieldPath = path + "." + snake(component.getName());
            if (field == null) {
                if (!component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                    throw new MalformedEventException("missing required field '" + fieldPath + "'", null);
                }
            } else if (field instanceof Collection<?> items) {
                for (Object item : items) {
                    if (item == null) {
                        throw new MalformedEventException("null element in '" + fieldPath + "'", null);
                    }
                    check(item, fieldPath);
                }
            } else {
                check(field, fieldPath);
            }
        }
    }

    private static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private RequiredFields() {}
}
