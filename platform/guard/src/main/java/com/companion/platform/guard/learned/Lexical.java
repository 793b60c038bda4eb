package com.companion.platform.guard.learned;

import java.util.Arrays;

/**
 * The lexical half of the classifier's input: which word pieces and word-piece pairs a window contains. The sentence
 * embedding carries the meaning; these carry the telling words it can blur ("spiked", "passed out", "year 8"), and
 * cost nothing since the tokenizer has already produced them.
 *
 * <p>Feature {@code id} is the word piece {@code id} of the model's vocabulary; a pair is hashed into one of
 * {@link #PAIR_BUCKETS} buckets after the vocabulary. Each present feature counts {@code 1/sqrt(n)} for {@code n}
 * distinct features, so long and short windows weigh alike.
 */
final class Lexical {

    /** all-MiniLM-L6-v2's word-piece vocabulary. */
    static final int VOCABULARY = 30_522;

    static final int PAIR_BUCKETS = 1 << 16;

    static final int SIZE = VOCABULARY + PAIR_BUCKETS;

    private Lexical() {}

    /** The distinct features of these word-piece ids, sorted. */
    static int[] features(long[] ids) {
        int[] out = new int[ids.length * 2];
        int n = 0;
        for (int i = 0; i < ids.length; i++) {
            out[n++] = (int) Math.floorMod(ids[i], (long) VOCABULARY);
            if (i > 0) {
                out[n++] = VOCABULARY + Math.floorMod(ids[i - 1] * 1_000_003L + ids[i], PAIR_BUCKETS);
            }
        }
        return Arrays.stream(out, 0, n).sorted().distinct().toArray();
    }

    static float scale(int[] features) {
        return features.length == 0 ? 0 : (float) (1 / Math.sqrt(features.length));
    }
}
