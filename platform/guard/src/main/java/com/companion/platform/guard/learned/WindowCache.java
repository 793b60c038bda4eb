package com.companion.platform.guard.learned;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small least-recently-used map from a window's token ids to its embedded window (with the second model's half or
 * without it). Embedding runs outside the lock: two threads may embed the same new window at once, which costs time,
 * never correctness.
 */
final class WindowCache {

    private final Map<Key, SentenceEmbedder.Window> entries;

    WindowCache(int capacity) {
        entries = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, SentenceEmbedder.Window> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The window embedded for these ids, or null. */
    SentenceEmbedder.Window get(long[] ids) {
        synchronized (entries) {
            return entries.get(new Key(ids));
        }
    }

    /** Keeps the window, replacing one without the second model's half; never replaces a complete one. */
    void put(SentenceEmbedder.Window window) {
        Key key = new Key(window.ids());
        synchronized (entries) {
            SentenceEmbedder.Window known = entries.get(key);
            if (known == null || !known.complete()) {
                entries.put(key, window);
            }
        }
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
