package com.companion.platform.guard;

import java.text.Normalizer.Form;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns any text into the canonical form the guard's patterns match against: lower-case ASCII words separated by
 * single spaces. Linear in the length of the text; no regular expressions.
 *
 * <ol>
 *   <li>Unicode compatibility forms (NFKC): full-width {@code ｓｅｘ}, ligatures, circled and mathematical letters.
 *   <li>Lower case, then accents and other combining marks removed ({@code mînör} → {@code minor}).
 *   <li>Invisible characters removed: zero-width space/joiners, soft hyphen, BOM, bidi controls, fillers.
 *   <li>Look-alike letters mapped: Cyrillic and Greek homoglyphs ({@code sеху} with Cyrillic letters), small capitals
 *       ({@code ʏᴏᴜɴɢ}), {@code ß}, {@code æ}, {@code ø}, regional-indicator letters.
 *   <li>Emoji that stand for a word read as that word ({@code 👧 12yo + 🛏️ + 🍆} → {@code little girl 12yo bed sex});
 *       other emoji separate words.
 *   <li>Letters spaced or dotted apart are joined: {@code u n d e r a g e}, {@code s.e.x}, {@code m-i-n-o-r}. Two or
 *       more spaces end a spaced word, so {@code d o g  s e x} reads {@code dog sex}.
 *   <li>Apostrophes inside words are dropped ({@code she's} → {@code shes}); other punctuation separates words
 *       ({@code 12-year-old} → {@code 12 year old}).
 *   <li>Leetspeak inside words that contain letters: {@code 0→o 1→i 3→e 4→a 5→s 7→t @→a $→s !→i |→l}
 *       ({@code m1nor}, {@code s3x}, {@code $ex}). Numbers stay numbers: {@code 12}, {@code 13yo}, {@code 8th},
 *       {@code 15f}, {@code 90s}; {@code teen13} becomes {@code teen 13}. A {@code *} inside a word is kept as a
 *       censoring wildcard ({@code f*ck}).
 *   <li>Runs of one letter are capped at two ({@code seeexxx} → {@code seexx}); the patterns accept one or more of
 *       each letter, so doubled letters in real words ({@code teen}, {@code little}) survive.
 * </ol>
 */
public final class Normalizer {

    private static final Map<Integer, String> LOOKALIKES = lookalikes();

    /**
     * Emoji written in place of a word, as the word: what the emoji stands for in chat, not its name. Only emoji whose
     * use as that word is the common one are here. Left out on purpose because their everyday use is harmless: the
     * peach, sweat drops, tongue, hot face, devil and other faces (sweat after a run, a peach cobbler, mischief), the
     * cat (slang both ways), the baby (a pet name between adults), the kissing face (goodbye between friends).
     */
    private static final Map<Integer, String> EMOJI_WORDS = Map.ofEntries(
            // a sex act: "🍆 anyway", "me + 🐕 + 🍆", "make it 🔞"
            Map.entry(0x1F346, "sex"),
            Map.entry(0x1F51E, "nsfw"),
            Map.entry(0x1FAE6, "horny"),
            // children: the girl and boy emoji are children (a woman and a man are their own emoji)
            Map.entry(0x1F9D2, "child"),
            Map.entry(0x1F467, "little girl"),
            Map.entry(0x1F466, "little boy"),
            Map.entry(0x1F3EB, "school"),
            // animals
            Map.entry(0x1F415, "dog"),
            Map.entry(0x1F436, "dog"),
            Map.entry(0x1F429, "dog"),
            Map.entry(0x1F434, "horse"),
            Map.entry(0x1F40E, "horse"),
            Map.entry(0x1F404, "cow"),
            Map.entry(0x1F42E, "cow"),
            Map.entry(0x1F416, "pig"),
            Map.entry(0x1F437, "pig"),
            Map.entry(0x1F411, "sheep"),
            Map.entry(0x1F410, "goat"),
            // the setting, a kiss, refusing, stopping, pills, a knife, a rope
            Map.entry(0x1F6CF, "bed"),
            Map.entry(0x1F48B, "kiss"),
            Map.entry(0x1F645, "no"),
            Map.entry(0x1F6D1, "stop"),
            Map.entry(0x1F48A, "pills"),
            Map.entry(0x1F52A, "knife"),
            Map.entry(0x1FAA2, "rope"));

    /** Capitals that look Latin only while upper case (lower-case Greek nu looks like v, capital Nu like N). */
    private static final Map<Integer, String> CAPITAL_LOOKALIKES = capitalLookalikes();

    private static final Set<String> NUMBER_SUFFIXES = Set.of(
            "y", "yo", "yr", "yrs", "th", "st", "nd", "rd", "s", "f", "m", "ft", "in", "cm", "mm", "km", "kg", "kgs",
            "lb", "lbs", "am", "pm", "k", "mo", "mos", "h", "hr", "hrs", "min", "mins", "sec", "secs", "d", "w", "wk",
            "wks", "g", "mg", "ml", "l", "gb", "mb", "tb", "p", "v", "mph", "kph");

    private static final Set<String> SHORT_WORDS = Set.of(
            "sex", "sexy", "cum", "ass", "tit", "tits", "boob", "rape", "kid", "kids", "dog", "dogs", "cat", "pig",
            "cow", "loli", "teen", "porn", "nude", "dick", "cock", "anal", "milf", "nsfw", "cnc", "fuck", "slut",
            "bdsm", "kill", "die", "mom", "dad", "son", "sis", "bro", "cut", "yo", "cp", "ddlg", "pedo", "shota",
            "minor", "baby", "girl", "boy", "oral", "lewd", "smut", "wank", "jizz", "horny", "and", "the", "her", "him",
            "his", "you", "with", "for", "she", "was", "are", "not", "naked");

    private Normalizer() {}

    /** The canonical form the rules read, with emoji that stand for a word read as that word. */
    public static String normalize(String text) {
        return normalize(text, true);
    }

    /**
     * The canonical form, with or without the words of emoji and the joining of a text written all spaced ({@code h o w
     * m a n y}, words two spaces apart). The learned layer's models read their input without them (every emoji separates
     * words, only long or known spaced words are joined): its weights were trained on that form, and changing a model's
     * input moves its thresholds for every text, not only for the few with such emoji or spacing.
     */
    public static String normalize(String text, boolean emojiAsWords) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String folded = fold(text, emojiAsWords);
        List<RawToken> tokens = joinSpacedLetters(splitOnWhitespace(folded), emojiAsWords);
        StringBuilder out = new StringBuilder(folded.length());
        for (RawToken token : tokens) {
            for (String word : words(token)) {
                if (!word.isEmpty()) {
                    if (!out.isEmpty()) {
                        out.append(' ');
                    }
                    out.append(word);
                }
            }
        }
        return capRuns(out);
    }

    /**
     * NFKC, lower case, accents and invisibles removed, look-alikes mapped, emoji that stand for a word as the word when
     * asked; whitespace kept as is.
     */
    static String fold(String text, boolean emojiAsWords) {
        if (isPlainAscii(text)) {
            char[] chars = text.toCharArray();
            for (int i = 0; i < chars.length; i++) {
                char c = chars[i];
                if (c >= 'A' && c <= 'Z') {
                    chars[i] = (char) (c + ('a' - 'A'));
                } else if (c == '\n' || c == '\t' || c == '\r') {
                    chars[i] = ' ';
                } else if (c == '`') {
                    chars[i] = '\'';
                }
            }
            return new String(chars);
        }
        String compatible =
                mapCapitals(java.text.Normalizer.normalize(text, Form.NFKC)).toLowerCase(Locale.ROOT);
        String decomposed = java.text.Normalizer.normalize(compatible, Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK
                    || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK
                    || type == Character.FORMAT
                    || isInvisibleFiller(cp)) {
                return;
            }
            String mapped = LOOKALIKES.get(cp);
            String word = mapped == null && emojiAsWords ? EMOJI_WORDS.get(cp) : null;
            if (mapped != null) {
                out.append(mapped);
            } else if (word != null) {
                out.append(' ').append(word).append(' ');
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (cp == '\u2019' || cp == '\u2018' || cp == '\u02bc' || cp == '`' || cp == '\u00b4') {
                out.append('\'');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** Whether the text has an emoji that {@link #normalize(String)} reads as a word. */
    public static boolean hasEmojiWords(String text) {
        if (text == null || isPlainAscii(text)) {
            return false;
        }
        return text.codePoints().anyMatch(EMOJI_WORDS::containsKey);
    }

    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128 || (c < ' ' && c != '\n' && c != '\t' && c != '\r')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isInvisibleFiller(int cp) {
        return cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800 || cp == 0x034F;
    }

    private record RawToken(String text, boolean afterSingleSpace) {}

    private static List<RawToken> splitOnWhitespace(String text) {
        List<RawToken> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        int spaces = 0;
        while (i < n) {
            if (text.charAt(i) == ' ') {
                spaces++;
                i++;
                continue;
            }
            int start = i;
            while (i < n && text.charAt(i) != ' ') {
                i++;
            }
            tokens.add(new RawToken(text.substring(start, i), spaces == 1));
            spaces = 0;
        }
        return tokens;
    }

    private static boolean isGlyph(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '@' || c == '$' || c == '|';
    }

    private static boolean isLetterLike(char c) {
        return (c >= 'a' && c <= 'z') || c == '@' || c == '$' || c == '|';
    }

    /**
     * A single glyph with optional punctuation around it ({@code s}, {@code s,} {@code (s)}), or glyphs separated by
     * punctuation inside one token ({@code s.e.x}, {@code u_n_d_e_r}); returns the glyphs or null.
     */
    private static String glyphs(String token) {
        StringBuilder glyphs = new StringBuilder();
        boolean lastWasGlyph = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (isGlyph(c)) {
                if (lastWasGlyph) {
                    return null;
                }
                glyphs.append(c);
                lastWasGlyph = true;
            } else if (Character.isLetterOrDigit(c)) {
                return null;
            } else {
                lastWasGlyph = false;
            }
        }
        if (glyphs.length() == 1 || glyphs.length() >= 3) {
            return glyphs.toString();
        }
        return null;
    }

    /**
     * Joins letters written apart. A run of single-glyph tokens separated by one space is merged; inside a run a digit
     * joins the letters only as leetspeak (between letters, or at an edge next to a letter), so {@code a 1 3} stays a
     * word and a number while {@code s 3 x} becomes one word.
     */
    private static List<RawToken> joinSpacedLetters(List<RawToken> tokens, boolean rulesForm) {
        boolean spacedWriting = rulesForm && spacedWords(tokens) >= SPACED_WRITING_MIN_WORDS;
        List<RawToken> out = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            String g = glyphs(tokens.get(i).text());
            if (g == null) {
                out.add(tokens.get(i));
                i++;
                continue;
            }
            if (g.length() >= 3) {
                out.add(new RawToken(g, tokens.get(i).afterSingleSpace()));
                i++;
                continue;
            }
            StringBuilder run = new StringBuilder(g);
            int j = i + 1;
            while (j < tokens.size() && tokens.get(j).afterSingleSpace()) {
                String next = glyphs(tokens.get(j).text());
                if (next == null || next.length() != 1) {
                    break;
                }
                run.append(next);
                j++;
            }
            if (run.length() == 1) {
                out.add(tokens.get(i));
            } else {
                for (String segment : segments(run.toString(), spacedWriting)) {
                    out.add(new RawToken(segment, true));
                }
            }
            i = j;
        }
        return out;
    }

    /**
     * A text written with its letters spaced and its words set apart by two or more spaces ({@code h o w  m a n y  m g})
     * has at least this many such words: there every spaced word is joined, short ones too.
     */
    private static final int SPACED_WRITING_MIN_WORDS = 3;

    /** How many runs of two or more single glyphs, each one space apart, the tokens hold. */
    private static int spacedWords(List<RawToken> tokens) {
        int words = 0;
        int run = 0;
        for (RawToken token : tokens) {
            String g = glyphs(token.text());
            boolean single = g != null && g.length() == 1;
            if (single && run > 0 && token.afterSingleSpace()) {
                run++;
            } else {
                words += run >= 2 ? 1 : 0;
                run = single ? 1 : 0;
            }
        }
        return words + (run >= 2 ? 1 : 0);
    }

    private static List<String> segments(String run, boolean spacedWriting) {
        int n = run.length();
        boolean[] letterSide = new boolean[n];
        for (int k = 0; k < n; k++) {
            char c = run.charAt(k);
            if (isLetterLike(c)) {
                letterSide[k] = true;
            } else {
                boolean prevLetter = k > 0 && isLetterLike(run.charAt(k - 1));
                boolean nextLetter = k + 1 < n && isLetterLike(run.charAt(k + 1));
                boolean prevDigit = k > 0 && !isLetterLike(run.charAt(k - 1));
                boolean nextDigit = k + 1 < n && !isLetterLike(run.charAt(k + 1));
                letterSide[k] = (prevLetter && nextLetter) || (prevLetter && !nextDigit) || (nextLetter && !prevDigit);
            }
        }
        List<String> out = new ArrayList<>();
        int k = 0;
        while (k < n) {
            int start = k;
            boolean side = letterSide[k];
            while (k < n && letterSide[k] == side) {
                k++;
            }
            String segment = run.substring(start, k);
            boolean join =
                    side ? (spacedWriting ? segment.length() >= 2 : joinsAsWord(segment)) : segment.length() >= 2;
            if (join) {
                out.add(segment);
            } else {
                for (int c = 0; c < segment.length(); c++) {
                    out.add(String.valueOf(segment.charAt(c)));
                }
            }
        }
        return out;
    }

    /**
     * Five or more spaced letters are a word written apart; three or four are joined only when they spell a short word
     * the guard cares about, so "u r a kid" keeps its article while "s e x" and "r a p e" are joined.
     */
    private static boolean joinsAsWord(String letters) {
        if (letters.length() >= 5) {
            return true;
        }
        return letters.length() >= 3 && SHORT_WORDS.contains(unleet(letters));
    }

    /** One whitespace token to canonical words: split on punctuation, drop apostrophes, undo leetspeak. */
    private static List<String> words(RawToken token) {
        String text = token.text();
        List<String> words = new ArrayList<>(2);
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isGlyph(c) || c == '!' || c == '*' || Character.isLetterOrDigit(c)) {
                current.append(c);
            } else if (c == '\'') {
                // dropped: she's -> shes
            } else {
                flush(current, words);
            }
        }
        flush(current, words);
        return words;
    }

    private static void flush(StringBuilder current, List<String> words) {
        if (current.isEmpty()) {
            return;
        }
        String word = trimSymbols(current.toString());
        current.setLength(0);
        if (word.isEmpty()) {
            return;
        }
        splitNumberAndWord(word, words);
    }

    /** Leet symbols count only inside a word: a trailing {@code !} is punctuation, a leading {@code $} is an s. */
    private static String trimSymbols(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && isEdgeSymbol(word.charAt(start), true)) {
            start++;
        }
        while (end > start && isEdgeSymbol(word.charAt(end - 1), false)) {
            end--;
        }
        return word.substring(start, end);
    }

    private static boolean isEdgeSymbol(char c, boolean leading) {
        if (c == '!' || c == '*') {
            return true;
        }
        return !leading && (c == '@' || c == '|');
    }

    private static void splitNumberAndWord(String word, List<String> words) {
        boolean hasLetter = false;
        boolean hasDigit = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= '0' && c <= '9') {
                hasDigit = true;
            } else if (Character.isLetter(c)) {
                hasLetter = true;
            }
        }
        if (!hasLetter && !hasDigit) {
            if (word.chars().allMatch(c -> c == '@' || c == '$' || c == '|' || c == '!' || c == '*')) {
                return;
            }
            words.add(word);
            return;
        }
        if (!hasLetter) {
            words.add(word.replaceAll("[^0-9]", ""));
            return;
        }
        if (hasDigit) {
            int leadingDigits = 0;
            while (leadingDigits < word.length() && Character.isDigit(word.charAt(leadingDigits))) {
                leadingDigits++;
            }
            int trailingDigits = 0;
            while (trailingDigits < word.length()
                    && Character.isDigit(word.charAt(word.length() - 1 - trailingDigits))) {
                trailingDigits++;
            }
            String middle = word.substring(leadingDigits, word.length() - trailingDigits);
            boolean middleIsPlainLetters = middle.chars().allMatch(c -> c >= 'a' && c <= 'z');
            if (leadingDigits > 0 && trailingDigits == 0 && middleIsPlainLetters && NUMBER_SUFFIXES.contains(middle)) {
                words.add(word);
                return;
            }
            if (leadingDigits >= 2 && trailingDigits == 0 && middleIsPlainLetters) {
                words.add(word.substring(0, leadingDigits));
                words.add(middle);
                return;
            }
            if (trailingDigits >= 2 && leadingDigits == 0 && middleIsPlainLetters) {
                words.add(middle);
                words.add(word.substring(word.length() - trailingDigits));
                return;
            }
        }
        words.add(unleet(word));
    }

    private static String unleet(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            out.append(
                    switch (c) {
                        case '0' -> 'o';
                        case '1', '!' -> 'i';
                        case '3' -> 'e';
                        case '4', '@' -> 'a';
                        case '5', '$' -> 's';
                        case '7' -> 't';
                        case '|' -> 'l';
                        default -> c;
                    });
        }
        return out.toString();
    }

    private static String capRuns(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int len = out.length();
            if (c >= 'a' && c <= 'z' && len >= 2 && out.charAt(len - 1) == c && out.charAt(len - 2) == c) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String mapCapitals(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String mapped = CAPITAL_LOOKALIKES.get(cp);
            if (mapped != null) {
                out.append(mapped);
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static Map<Integer, String> capitalLookalikes() {
        String greek = "ΑAΒBΕEΖZΗHΙIΚKΜMΝNΟOΡPΤTΥYΧX";
        String cyrillic = "АAВBЕEКKМMНHОOРPСCТTХXУY";
        HashMap<Integer, String> map = new HashMap<>();
        for (String pairs : List.of(greek, cyrillic)) {
            for (int i = 0; i < pairs.length(); i += 2) {
                map.put((int) pairs.charAt(i), String.valueOf(pairs.charAt(i + 1)));
            }
        }
        return Map.copyOf(map);
    }

    private static Map<Integer, String> lookalikes() {
        String[][] pairs = {
            // Cyrillic
            {"а", "a"},
            {"б", "b"},
            {"в", "b"},
            {"г", "r"},
            {"е", "e"},
            {"ё", "e"},
            {"з", "3"},
            {"к", "k"},
            {"м", "m"},
            {"н", "h"},
            {"о", "o"},
            {"п", "n"},
            {"р", "p"},
            {"с", "c"},
            {"т", "t"},
            {"у", "y"},
            {"х", "x"},
            {"ь", "b"},
            {"і", "i"},
            {"ї", "i"},
            {"ј", "j"},
            {"ѕ", "s"},
            {"ԁ", "d"},
            {"ԛ", "q"},
            {"ԝ", "w"},
            {"һ", "h"},
            {"ӏ", "l"},
            // Greek
            {"α", "a"},
            {"β", "b"},
            {"γ", "y"},
            {"δ", "d"},
            {"ε", "e"},
            {"η", "n"},
            {"ι", "i"},
            {"κ", "k"},
            {"μ", "u"},
            {"ν", "v"},
            {"ο", "o"},
            {"ρ", "p"},
            {"σ", "o"},
            {"ς", "s"},
            {"τ", "t"},
            {"υ", "u"},
            {"χ", "x"},
            {"ω", "w"},
            // small capitals and other Latin look-alikes NFKC leaves alone
            {"ᴀ", "a"},
            {"ʙ", "b"},
            {"ᴄ", "c"},
            {"ᴅ", "d"},
            {"ᴇ", "e"},
            {"ꜰ", "f"},
            {"ɢ", "g"},
            {"ʜ", "h"},
            {"ɪ", "i"},
            {"ᴊ", "j"},
            {"ᴋ", "k"},
            {"ʟ", "l"},
            {"ᴍ", "m"},
            {"ɴ", "n"},
            {"ᴏ", "o"},
            {"ᴘ", "p"},
            {"ǫ", "q"},
            {"ʀ", "r"},
            {"ꜱ", "s"},
            {"ᴛ", "t"},
            {"ᴜ", "u"},
            {"ᴠ", "v"},
            {"ᴡ", "w"},
            {"ʏ", "y"},
            {"ᴢ", "z"},
            {"ɑ", "a"},
            {"ɡ", "g"},
            {"ı", "i"},
            {"ȷ", "j"},
            {"ł", "l"},
            {"ø", "o"},
            {"đ", "d"},
            {"ħ", "h"},
            {"ŧ", "t"},
            {"ß", "ss"},
            {"æ", "ae"},
            {"œ", "oe"},
            {"þ", "th"},
            {"ð", "d"},
            {"ŋ", "n"},
            {"ƒ", "f"},
            {"€", "e"},
            {"£", "l"},
            {"¢", "c"},
            {"¥", "y"},
            {"×", "x"}
        };
        HashMap<Integer, String> map = new HashMap<>();
        for (String[] pair : pairs) {
            map.put(pair[0].codePointAt(0), pair[1]);
        }
        for (int cp = 0x1F1E6; cp <= 0x1F1FF; cp++) {
            map.put(cp, String.valueOf((char) ('a' + (cp - 0x1F1E6))));
        }
        return Map.copyOf(map);
    }
}
