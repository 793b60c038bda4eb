package com.companion.offlinellm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into word-ish pieces the way a BPE tokenizer roughly would: a word keeps its leading
 * space, punctuation stands alone, long words break into parts. Joining the pieces gives the text.
 */
final class Tokens {

    private static final Pattern PIECE =
            Pattern.compile("\\s*[\\p{L}\\p{M}\\p{N}']+|\\s*[^\\s\\p{L}\\p{M}\\p{N}']|\\s+");
    private static final int LONG_WORD = 7;
    private static final int PART = 4;

    private Tokens() {}

    static List<String> split(String text) {
        List<String> pieces = new ArrayList<>();
        Matcher matcher = PIECE.matcher(text);
        while (matcher.find()) {
            String piece = matcher.group();
            if (piece.strip().length() <= LONG_WORD) {
                pieces.add(piece);
                continue;
            }
            int start = 0;
            int leading = piece.length() - piece.stripLeading().length();
            int cut = leading + PART;
            while (piece.length() - cut > 2) {
                if (Character.isLowSurrogate(piece.charAt(cut))) {
                    cut++;
                }
                pieces.add(piece.substring(start, cut));
                start = cut;
                cut += PART;
            }
            pieces.add(piece.substring(start));
        }
        return pieces;
    }

    /** A rough token count for prompt usage: about one token per four characters. */
    static int estimate(String text) {
        return (text.length() + 3) / 4;
    }
}
