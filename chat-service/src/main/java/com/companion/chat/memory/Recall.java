package com.companion.chat.memory;

import com.companion.chat.access.AccountDeleted;
import com.companion.chat.access.CharacterRemoved;
import com.companion.platform.guard.learned.SentenceEmbedder;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recalled moments: the older things a user told a character (in any session) that are the most like their new
 * message, for the prompt. A user message worth remembering is queued in the transaction that stores it and given
 * its sentence embedding later, in the background ({@link #embedQueued}); at send time the new message's embedding
 * is usually already in the guard's window cache (the input guard embedded it a moment before), and the scan is an
 * indexed read of the user x character's newest vectors plus 384 multiply-adds each.
 *
 * <p>Vectors are the guard's all-MiniLM-L6-v2 embeddings (mean of the text's windows, unit length), stored as 384
 * signed bytes (each component times 127): the dot product of two of them over 127² is their cosine within about
 * 0.01, and a vector is 384 bytes instead of 1.5 kB.
 */
@Component
public class Recall {

    private static final Logger log = LoggerFactory.getLogger(Recall.class);

    /** Fewer words than this carry no fact worth recalling ("ok", "haha yes"). */
    static final int MIN_WORDS = 3;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /**
     * Vectors stored since an instance last looked are read again this far back in seq, for rows whose transactions
     * committed out of seq order (two instances' embedding batches interleaving); and a copy is read whole again
     * after {@link #FULL_RELOAD}, so a row missed even so is late by at most that.
     */
    static final int SEQ_OVERLAP = 64;

    static final Duration FULL_RELOAD = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MemoryProperties properties;
    private final Cache<Owner, Vectors> cache;

    Recall(JdbcClient jdbc, TransactionTemplate transactions, MemoryProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(properties.recallCacheMegabytes() * 1024L * 1024L)
                .weigher((Owner owner, Vectors vectors) -> vectors.bytes())
                .expireAfterAccess(Duration.ofMinutes(30))
                .build();
    }

    /** Queues a stored user message for its vector, if it is long enough to hold a fact. Call it in the storing transaction. */
    public void enqueue(UUID messageId, String text) {
        if (properties.recallCount() == 0 || words(text) < MIN_WORDS) {
            return;
        }
        jdbc.sql("insert into chat_embedding_queue (message_id) values (:id) on conflict do nothing")
                .param("id", messageId)
                .update();
    }

    /**
     * Up to {@code recall-count} earlier user messages to this character most like {@code message} (cosine at least
     * {@code recall-min-score}), most alike first, leaving out what the prompt already holds.
     */
    public List<String> recall(UUID userId, UUID characterId, String message, Collection<String> inPrompt) {
        if (properties.recallCount() == 0 || words(message) < MIN_WORDS) {
            return List.of();
        }
        float[] query = embed(message);
        if (query == null) {
            return List.of();
        }
        List<Scored> best = vectors(userId, characterId).scored(query, properties.recallMinScore());
        if (best.isEmpty()) {
            return List.of();
        }
        best.sort(Comparator.comparingDouble(Scored::score).reversed());
        List<UUID> ids = best.stream()
                .limit(properties.recallCount() + (long) inPrompt.size())
                .map(Scored::id)
                .toList();
        Map<UUID, String> contents = new LinkedHashMap<>();
        jdbc.sql("select id, content from chat_message where id = any(:ids) and deleted_at is null")
                .param("ids", ids.toArray(UUID[]::new))
                .query(rs -> {
                    contents.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        Set<String> present = new HashSet<>(inPrompt);
        present.add(message);
        List<String> recalled = new ArrayList<>();
        for (UUID id : ids) {
            String content = contents.get(id);
            if (content != null && present.add(content) && recalled.size() < properties.recallCount()) {
                recalled.add(content);
            }
        }
        return recalled;
    }

    /**
     * Gives the oldest queued messages their vectors, a batch at a time; instances share the queue ({@code skip
     * locked}). Returns how many were embedded.
     */
    @Scheduled(fixedDelayString = "${chat.memory.embed-interval:500ms}")
    public int embedQueued() {
        Integer embedded = transactions.execute(status -> {
            List<Queued> batch = jdbc.sql("""
                            select q.message_id, m.content, s.user_id, s.character_id, m.created_at
                            from chat_embedding_queue q
                            join chat_message m on m.id = q.message_id
                            join chat_session s on s.id = m.session_id
                            order by q.queued_at limit :batch
                            for update of q skip locked
                            """)
                    .param("batch", properties.embedBatch())
                    .query((rs, n) -> new Queued(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            rs.getObject(3, UUID.class),
                            rs.getObject(4, UUID.class),
                            rs.getTimestamp(5)))
                    .list();
            for (Queued message : batch) {
                float[] vector = embed(message.content());
                if (vector != null) {
                    jdbc.sql("""
                                    insert into chat_message_vector (message_id, user_id, character_id, vector, created_at)
                                    values (:id, :user, :character, :vector, :at) on conflict do nothing
                                    """)
                            .param("id", message.id())
                            .param("user", message.userId())
                            .param("character", message.characterId())
                            .param("vector", quantise(vector))
                            .param("at", message.createdAt())
                            .update();
                }
            }
            if (!batch.isEmpty()) {
                jdbc.sql("delete from chat_embedding_queue where message_id = any(:ids)")
                        .param("ids", batch.stream().map(Queued::id).toArray(UUID[]::new))
                        .update();
            }
            return batch.size();
        });
        if (embedded != null && embedded > 0) {
            log.debug("embedded {} messages for recall", embedded);
        }
        return embedded == null ? 0 : embedded;
    }

    /**
     * The user x character's newest {@code recall-candidates} vectors: held in memory and brought up to date with
     * what was stored since (one indexed read of the new rows, usually none).
     */
    private Vectors vectors(UUID userId, UUID characterId) {
        Owner owner = new Owner(userId, characterId);
        Vectors held = cache.get(owner, key -> new Vectors(properties.recallCandidates()));
        if (held.loadedBefore(System.nanoTime() - FULL_RELOAD.toNanos())) {
            held = new Vectors(properties.recallCandidates());
            cache.put(owner, held);
        }
        Vectors vectors = held;
        synchronized (vectors) {
            int before = vectors.size();
            jdbc.sql("""
                            select seq, message_id, vector from chat_message_vector
                            where user_id = :user and character_id = :character and seq > :since
                            order by seq
                            """)
                    .param("user", userId)
                    .param("character", characterId)
                    .param("since", vectors.lastSeq() - SEQ_OVERLAP)
                    .query(rs -> {
                        vectors.add(rs.getLong(1), rs.getObject(2, UUID.class), rs.getBytes(3));
                    });
            if (vectors.size() != before) {
                cache.put(owner, vectors); // weighed again
            }
        }
        return vectors;
    }

    private record Owner(UUID userId, UUID characterId) {}

    /** One user x character's newest vectors, oldest first. */
    private static final class Vectors {

        private final int capacity;
        private final LinkedHashMap<UUID, byte[]> byMessage = new LinkedHashMap<>();
        private final long loadedAt = System.nanoTime();
        private long lastSeq;

        Vectors(int capacity) {
            this.capacity = capacity;
        }

        boolean loadedBefore(long nanoTime) {
            return loadedAt - nanoTime < 0;
        }

        synchronized void add(long seq, UUID messageId, byte[] vector) {
            if (byMessage.putIfAbsent(messageId, vector) == null && byMessage.size() > capacity) {
                byMessage.pollFirstEntry();
            }
            lastSeq = Math.max(lastSeq, seq);
        }

        synchronized long lastSeq() {
            return lastSeq;
        }

        synchronized int size() {
            return byMessage.size();
        }

        synchronized int bytes() {
            return 64 + byMessage.size() * (SentenceEmbedder.MODEL_DIMENSIONS + 64);
        }

        synchronized List<Scored> scored(float[] query, double minScore) {
            byte[] quantised = quantise(query);
            int threshold = (int) Math.ceil(minScore * 127 * 127);
            List<Scored> scored = new ArrayList<>();
            byMessage.forEach((id, vector) -> {
                int dot = dot(vector, quantised);
                if (dot >= threshold) {
                    scored.add(new Scored(id, dot / (127.0 * 127.0)));
                }
            });
            return scored;
        }
    }

    @EventListener
    void erase(CharacterRemoved removed) {
        jdbc.sql("delete from chat_message_vector where character_id = :character")
                .param("character", removed.characterId())
                .update();
        cache.asMap().keySet().removeIf(owner -> owner.characterId().equals(removed.characterId()));
    }

    /** The rows go with the user's messages (cascade); this instance's copy goes here. */
    @EventListener
    void erase(AccountDeleted deleted) {
        cache.asMap().keySet().removeIf(owner -> owner.userId().equals(deleted.userId()));
    }

    /**
     * The text's sentence embedding: the mean of its windows' all-MiniLM-L6-v2 embeddings (the first part of the guard's
     * features), unit length; null for text without any. Only MiniLM runs for it ({@link
     * SentenceEmbedder#FIRST_MODEL_ONLY}): asking for both models would run e5 on every message the guard's gate had
     * judged on MiniLM alone.
     */
    static float[] embed(String text) {
        List<SentenceEmbedder.Window> windows =
                SentenceEmbedder.shared().embed(text, true, SentenceEmbedder.FIRST_MODEL_ONLY);
        if (windows.isEmpty()) {
            return null;
        }
        float[] mean = new float[SentenceEmbedder.MODEL_DIMENSIONS];
        for (SentenceEmbedder.Window window : windows) {
            float[] features = window.features();
            for (int i = 0; i < mean.length; i++) {
                mean[i] += features[i];
            }
        }
        double norm = 0;
        for (float value : mean) {
            norm += value * value;
        }
        if (norm == 0) {
            return null;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < mean.length; i++) {
            mean[i] *= scale;
        }
        return mean;
    }

    static byte[] quantise(float[] unit) {
        byte[] bytes = new byte[unit.length];
        for (int i = 0; i < unit.length; i++) {
            bytes[i] = (byte) Math.max(-127, Math.min(127, Math.round(unit[i] * 127)));
        }
        return bytes;
    }

    /** The dot product of two quantised vectors (a plain loop: the JIT vectorises it). */
    static int dot(byte[] a, byte[] b) {
        int sum = 0;
        for (int i = 0; i < a.length && i < b.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static int words(String text) {
        int words = 0;
        var matcher = WORD.matcher(text);
        while (matcher.find()) {
            words++;
        }
        return words;
    }

    private record Scored(UUID id, double score) {}

    private record Queued(UUID id, String content, UUID userId, UUID characterId, java.sql.Timestamp createdAt) {}
}
