package com.companion.platform.web.problem;

import java.util.regex.Pattern;

/** Field names as the client wrote them: Java's {@code firstName} is the wire's {@code first_name}. */
final class SnakeCase {

    private static final Pattern UPPER = Pattern.compile("([a-z0-9])([A-Z])");

    static String of(String javaName) {
        if (javaName == null) {
            return "body";
        }
        return UPPER.matcher(javaName).replaceAll("$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private SnakeCase() {}
}
