package com.companion.platform.guard.learned;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lexical half of the classifier's input. Two groups of sparse features:
 *
 * <ul>
 *   <li>which word pieces and word-piece pairs a window contains: the telling words the sentence embedding can blur
 *       ("spiked", "passed out", "year 8"), free since the tokenizer has already produced them. Feature {@code id} is
 *       the word piece {@code id} of the model's vocabulary; a pair is hashed into one of {@link #PAIR_BUCKETS} buckets
 *       after the vocabulary.
 *   <li>hashed character 3-, 4- and 5-grams of the window's text as the tokenizer read it (the word pieces spelled
 *       out again: lower case, normalised), in {@link #CHAR_BUCKETS} buckets after the pairs. They see inside words the
 *       vocabulary splits into meaningless pieces: Hinglish, misspellings, run-together and partly obfuscated words.
 * </ul>
 *
 * <p>Each present feature counts {@code 1/sqrt(n)} for {@code n} distinct features of its group, so long and short
 * windows weigh alike and neither group drowns the other.
 */
final class Lexical {

    /** all-MiniLM-L6-v2's word-piece vocabulary. */
    static final int VOCABULARY = 30_522;

    static final int PAIR_BUCKETS = 1 << 16;

    static final int CHAR_OFFSET = VOCABULARY + PAIR_BUCKETS;

    static final int CHAR_BUCKETS = 1 << 18;

    static final int SIZE = CHAR_OFFSET + CHAR_BUCKETS;

    private static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

    private Lexical() {}

    /** The distinct features of these word-piece ids, sorted. */
    static int[] features(long[] ids) {
        int[] words = new int[ids.length * 2];
        int n = 0;
        for (int i = 0; i < ids.length; i++) {
            words[n++] = (int) Math.floorMod(ids[i], (long) VOCABULARY);
            if (i > 0) {
                words[n++] = VOCABULARY + Math.floorMod(ids[i - 1] * 1_000_003L + ids[i], PAIR_BUCKETS);
            }
        }
        String text = " " + Vocabulary.spell(ids) + " ";
        int grams = Math.max(0, text.length() - 2) * 3;
        int[] out = Arrays.copyOf(words, n + grams);
        for (int length = 3; length <= 5; length++) {
            for (int start = 0; start + length <= text.length(); start++) {
                out[n++] = CHAR_OFFSET + Math.floorMod(hash(text, start, length), CHAR_BUCKETS);
            }
        }
        return Arrays.stream(out, 0, n).sorted().distinct().toArray();
    }

    /** FNV-1a over the characters: fixed, whatever the JVM. */
    private static int hash(String text, int start, int length) {
        int h = 0x811c9dc5;
        for (int i = start; i < start + length; i++) {
            h ^= text.charAt(i);
            h *= 0x01000193;
        }
        return h;
    }

    /** Each feature's value: {@code 1/sqrt(n)} for the {@code n} features of its group (word pieces, characters). */
    static float[] values(int[] features) {
        int chars = 0;
        for (int f : features) {
            if (f >= CHAR_OFFSET) {
                chars++;
            }
        }
        int words = features.length - chars;
        float word = words == 0 ? 0 : (float) (1 / Math.sqrt(words));
        float character = chars == 0 ? 0 : (float) (1 / Math.sqrt(chars));
        float[] out = new float[features.length];
        for (int i = 0; i < features.length; i++) {
            out[i] = features[i] >= CHAR_OFFSET ? character : word;
        }
        return out;
    }

    /** The word pieces' spellings, read once from the model's tokenizer.json. */
    static final class Vocabulary {

        private static final String[] PIECES = load();

        private Vocabulary() {}

        /** The text the word pieces spell: pieces joined by spaces, {@code ##} continuations glued on. */
        static String spell(long[] ids) {
            StringBuilder out = new StringBuilder(ids.length * 5);
            for (long id : ids) {
                String piece = id >= 0 && id < PIECES.length && PIECES[(int) id] != null ? PIECES[(int) id] : "?";
                if (piece.startsWith("##")) {
                    out.append(piece, 2, piece.length());
                } else {
                    if (!out.isEmpty()) {
                        out.append(' ');
                    }
                    out.append(piece);
                }
            }
            return out.toString();
        }

        private static String[] load() {
            try (InputStream in = Objects.requireNonNull(
                    Lexical.class.getClassLoader().getResourceAsStream(TOKENIZER_RESOURCE), TOKENIZER_RESOURCE)) {
                JsonNode vocab =
                        JsonMapper.builder().build().readTree(in).path("model").path("vocab");
                String[] pieces = new String[VOCABULARY];
                for (Map.Entry<String, JsonNode> entry : vocab.properties()) {
                    int id = entry.getValue().asInt();
                    if (id >= 0 && id < pieces.length) {
                        pieces[id] = entry.getKey();
                    }
                }
                return pieces;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the guard's tokenizer vocabulary", e);
            }
        }
    }
}
