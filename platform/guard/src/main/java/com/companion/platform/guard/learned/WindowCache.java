package com.companion.platform.guard.learned;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small least-recently-used map from a window's token ids to its embedding. Embedding runs outside the lock: two
 * threads may embed the same new window at once, which costs time, never correctness.
 */
final class WindowCache {

    private final Map<Key, float[]> entries;

    WindowCache(int capacity) {
        entries = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    float[] computeIfAbsent(long[] ids, Function<long[], float[]> embed) {
        Key key = new Key(ids);
        synchronized (entries) {
            float[] cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        float[] embedding = embed.apply(ids);
        synchronized (entries) {
            entries.put(key, embedding);
        }
        return embedding;
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private record Key(long[] ids) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Arrays.equals(ids, key.ids);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ids);
        }

        @Override
        public String toString() {
            return Arrays.toString(ids);
        }
    }
}
