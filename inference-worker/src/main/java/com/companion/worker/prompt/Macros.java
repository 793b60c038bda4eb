package com.companion.worker.prompt;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The card macros: {@code {{char}}} and {@code <BOT>} become the character's name, {@code {{user}}} and
 * {@code <USER>} the user's, in any letter case.
 */
final class Macros {

    private static final Pattern CHAR = Pattern.compile("\\{\\{\\s*char\\s*}}|<bot>", Pattern.CASE_INSENSITIVE);
    private static final Pattern USER = Pattern.compile("\\{\\{\\s*user\\s*}}|<user>", Pattern.CASE_INSENSITIVE);

    private Macros() {}

    static String apply(String text, String characterName, String userName) {
        if (text.isEmpty()) {
            return text;
        }
        String withChar = CHAR.matcher(text).replaceAll(Matcher.quoteReplacement(characterName));
        return USER.matcher(withChar).replaceAll(Matcher.quoteReplacement(userName));
    }
}
