package com.companion.contracts;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The records and enums reachable from the registered events: everything that goes on the wire. */
final class ContractTypes {

    static Set<Class<?>> reachable() {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        EventTypes.ALL.forEach(type -> todo.add(type.javaType()));
        while (!todo.isEmpty()) {
            Class<?> type = todo.poll();
            if (!seen.add(type) || !type.isRecord()) {
                continue;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                Class<?> valueType = valueType(component);
                if (valueType.isRecord() || valueType.isEnum()) {
                    todo.add(valueType);
                }
            }
        }
        return seen;
    }

    static List<Class<?>> records() {
        return reachable().stream()
                .filter(Class::isRecord)
                .sorted(Comparator.comparing(Class::getName))
                .toList();
    }

    static List<Class<?>> enums() {
        return reachable().stream()
                .filter(Class::isEnum)
                .sorted(Comparator.comparing(Class::getName))
                .toList();
    }

    /** The component's type, or the element type of a list. */
    static Class<?> valueType(RecordComponent component) {
        return isList(component) ? elementType(component) : component.getType();
    }

    static boolean isList(RecordComponent component) {
        return List.class.isAssignableFrom(component.getType());
    }

    static Class<?> elementType(RecordComponent component) {
        Type generic = component.getGenericType();
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        throw new IllegalStateException("list without a concrete element type: " + component);
    }

    /** The JSON property name of a record component, by the codec's naming strategy. */
    static String wireName(String componentName) {
        return EventJson.mapper()
                .serializationConfig()
                .getPropertyNamingStrategy()
                .nameForGetterMethod(null, null, componentName);
    }

    /** The wire form of an enum constant, as the codec writes it. */
    static String wire(Enum<?> constant) {
        return EventJson.mapper().valueToTree(constant).asString();
    }

    private ContractTypes() {}
}
