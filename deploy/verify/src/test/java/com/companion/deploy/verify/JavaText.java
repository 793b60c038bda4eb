package com.companion.deploy.verify;

/**
 * Just enough of Java's lexical structure to read Kafka use from source: comments blanked out (so a
 * {@code Topics.X} in Javadoc is not a use), parentheses matched, line numbers, the statement so far.
 */
final class JavaText {

    /** The source with comments replaced by spaces; strings, text blocks and line breaks stay where they were. */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                out.append(source, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(n, j + 1);
                out.append(source, i, j);
                i = j;
            } else if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (; i < end; i++) {
                    out.append(source.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index of the parenthesis that closes the one at {@code open}. */
    static int closingParenthesis(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced parentheses after index " + open);
    }

    /** 1-based line of {@code index}. */
    static int line(String code, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The code from the start of the statement that contains {@code index} up to it. */
    static String statementBefore(String code, int index) {
        int start = index;
        while (start > 0) {
            char c = code.charAt(start - 1);
            if (c == ';' || c == '{' || c == '}') {
                break;
            }
            start--;
        }
        return code.substring(start, index).replaceAll("\\s+", " ");
    }

    private JavaText() {}
}
