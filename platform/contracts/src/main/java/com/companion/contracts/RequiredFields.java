package com.companion.contracts;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Every record component of an event is required unless it is annotated {@link Nullable}; a
 * decoded event missing one is malformed, so it fails at the boundary (and goes to the DLT)
 * rather than as a null deep inside a consumer. What a record type requires is worked out once per
 * type: every record decoded on a hot path is checked.
 */
final class RequiredFields {

    private record Component(Method accessor, String name, boolean nullable) {}

    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return new Component[0];
            }
            RecordComponent[] components = type.getRecordComponents();
            Component[] result = new Component[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                result[i] = new Component(
                        c.getAccessor(),
                        c.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT),
                        c.getAnnotatedType().isAnnotationPresent(Nullable.class));
            }
            return result;
        }
    };

    static void check(Object value, String path) {
        if (value == null) {
            return;
        }
        for (Component component : COMPONENTS.get(value.getClass())) {
            Object field;
            try {
                field = component.accessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (field == null) {
                if (!component.nullable()) {
                    throw new MalformedEventException(
                            "missing required field '" + path + "." + component.name() + "'", null);
                }
            } else if (field instanceof Collection<?> items) {
                for (Object item : items) {
                    if (item == null) {
                        throw new MalformedEventException(
                                "null element in '" + path + "." + component.name() + "'", null);
                    }
                    if (item.getClass().isRecord()) {
                        check(item, path + "." + component.name());
                    }
                }
            } else if (field.getClass().isRecord()) {
                check(field, path + "." + component.name());
            }
        }
    }

    private RequiredFields() {}
}
