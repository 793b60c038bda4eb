package com.companion.platform.guard.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles the small term language the {@link Lexicon} is written in into a regular expression over normalised text.
 *
 * <p>A term is a regular expression written in plain spelling. Each literal letter may repeat ({@code sex} matches
 * {@code seexx}, since the normaliser caps runs at two); a vowel also matches {@code *} ({@code f*ck}); {@code l} also
 * matches {@code i} (leet {@code 1} becomes {@code i}, and it stood for {@code l} in {@code 1oli}). Character classes,
 * escapes, counted repetition and look-behind groups are copied unchanged, and {@code <NAME>} inserts a raw fragment.
 * A match must end at a word boundary; {@link Lexicon#scan} only starts matches at word starts.
 *
 * <p>ReDoS: the text is canonical (letters, digits, single spaces, runs of at most two), every letter repetition is
 * bounded by that, no term nests an unbounded quantifier inside another, and every term is anchored at a word start,
 * so matching stays linear in practice. {@code GuardRedosTest} feeds adversarial input to keep it that way.
 */
final class TermPattern {

    private TermPattern() {}

    /** Splits a term at its top-level {@code |}, so each alternative can be indexed by its first character. */
    static List<String> alternatives(String term) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = term.indexOf(']', i);
            } else if (c == '<' && (i < 2 || term.charAt(i - 1) != '?')) {
                i = term.indexOf('>', i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(term.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(term.substring(start));
        return parts;
    }

    /**
     * The characters a match can start with, found by probing: on a one-character input the engine either fails
     * at once (this alternative cannot start here) or runs out of input (it could).
     */
    static Set<Character> firstCharacters(Pattern pattern) {
        Set<Character> first = new HashSet<>();
        for (char c : "abcdefghijklmnopqrstuvwxyz0123456789*".toCharArray()) {
            Matcher matcher = pattern.matcher(String.valueOf(c));
            if (matcher.lookingAt() || matcher.hitEnd()) {
                first.add(c);
            }
        }
        return first;
    }

    /**
     * Probes which characters can follow {@code prefix} (a space, or {@code end} for end of text): a text that
     * continues the prefix with a character left out cannot match, since the engine failed before it needed anything
     * after it.
     */
    static Set<Character> nextCharacters(Pattern pattern, String prefix, char end) {
        Set<Character> next = new HashSet<>();
        for (char c : "abcdefghijklmnopqrstuvwxyz0123456789* ".toCharArray()) {
            Matcher matcher = pattern.matcher(prefix + c);
            if (matcher.lookingAt() || matcher.hitEnd()) {
                next.add(c);
            }
        }
        if (pattern.matcher(prefix).lookingAt()) {
            next.add(end);
        }
        return next;
    }

    static Pattern compile(String term, Map<String, String> fragments) {
        String body = expand(term, fragments);
        // No leading boundary check: the lexicon only tries matches at word starts.
        return Pattern.compile("(?:" + body + ")(?![a-z0-9])");
    }

    static String expand(String term, Map<String, String> fragments) {
        StringBuilder out = new StringBuilder(term.length() * 3);
        int n = term.length();
        int i = 0;
        while (i < n) {
            char c = term.charAt(i);
            if (c == '\\') {
                out.append(c).append(term.charAt(i + 1));
                i += 2;
            } else if (c == '[') {
                int end = term.indexOf(']', i);
                out.append(term, i, end + 1);
                i = end + 1;
            } else if (c == '{') {
                int end = term.indexOf('}', i);
                out.append(term, i, end + 1);
                i = end + 1;
            } else if (c == '<') {
                int end = term.indexOf('>', i);
                String name = term.substring(i + 1, end);
                String fragment = fragments.get(name);
                if (fragment == null) {
                    throw new IllegalArgumentException("unknown fragment <" + name + "> in " + term);
                }
                out.append(fragment);
                i = end + 1;
            } else if (c == '(' && term.startsWith("(?<", i)) {
                int end = closingParen(term, i);
                out.append(term, i, end + 1);
                i = end + 1;
            } else if (c >= 'a' && c <= 'z') {
                int j = i;
                while (j < n && term.charAt(j) == c) {
                    j++;
                }
                String atom = atom(c);
                out.append(atom.repeat(j - i));
                boolean quantified = j < n && "?*+{".indexOf(term.charAt(j)) >= 0;
                if (!quantified) {
                    out.append('+');
                }
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String atom(char c) {
        return switch (c) {
            case 'a', 'e', 'i', 'o', 'u' -> "[" + c + "*]";
            case 'l' -> "[li]";
            default -> String.valueOf(c);
        };
    }

    private static int closingParen(String term, int open) {
        int depth = 0;
        for (int k = open; k < term.length(); k++) {
            char c = term.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return k;
            }
        }
        throw new IllegalArgumentException("unbalanced group in " + term);
    }
}
