package com.companion.chat.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.chat.ChatProperties;
import com.companion.platform.test.IntegrationTest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What memory adds to a send, in chat-service, for a user with 2,000 remembered messages, 20 pinned memories and a
 * summary with one character: the pinned read, the recall (its query embedding is a hit in the guard's window cache,
 * since the input guard embedded the message a moment before; then the scan of 2,000 vectors) and the summary check.
 * CPU is the calling thread's (JDBC decoding included, PostgreSQL's own work not); wall time includes the database.
 * Also the background work, reported apart: embedding one message, and a reply's summary check. Prints figures to
 * {@code chat-service/target/benchmark-memory.md}; asserts nothing about time.
 *
 * <p>{@code ./mvnw -pl chat-service -am verify -Pbenchmark -Dtest=none -Dit.test=MemoryCostBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}
 */
@IntegrationTest
class MemoryCostBenchmark {

    static final int REMEMBERED = 2_000;
    static final int PINNED = 20;
    static final int WARM_UP = 300;
    static final int SAMPLES = 1_000;

    @Autowired
    Memories memories;

    @Autowired
    Recall recall;

    @Autowired
    Summaries summaries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChatProperties chat;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Test
    void memoryOnTheSendPathAndInTheBackground() throws Exception {
        UUID user = UUID.randomUUID();
        UUID character = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        UUID leaf = seed(user, character, session);
        String message = "Do you still remember the name of my dog and where we walked him?";
        List<String> inPrompt = List.of("How was your day?", "Busy, but fine.");

        Recall.embed(message);
        for (int i = 0; i < WARM_UP; i++) {
            sendPathMemory(user, character, session, leaf, message, inPrompt);
        }
        long[] cpu = new long[SAMPLES];
        long[] wall = new long[SAMPLES];
        long[][] partCpu = new long[3][SAMPLES];
        long[][] partWall = new long[3][SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            Recall.embed(message); // what the input guard has just done: the windows are in the cache
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            List<Runnable> parts = List.of(
                    () -> memories.contents(user, character),
                    () -> recall.recall(user, character, message, inPrompt),
                    () -> summaries.forPrompt(session, leaf));
            for (int p = 0; p < parts.size(); p++) {
                long partCpuStart = threads.getCurrentThreadCpuTime();
                long partWallStart = System.nanoTime();
                parts.get(p).run();
                partWall[p][i] = System.nanoTime() - partWallStart;
                partCpu[p][i] = threads.getCurrentThreadCpuTime() - partCpuStart;
            }
            wall[i] = System.nanoTime() - wallStart;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }

        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            fresh.add("Message number " + i + ": yesterday I walked to the old harbour and watched the boats for "
                    + (i % 7 + 1) + " hours with my friend.");
        }
        long embedCpu = 0;
        for (String text : fresh) {
            long start = threads.getCurrentThreadCpuTime();
            Recall.embed(text);
            embedCpu += threads.getCurrentThreadCpuTime() - start;
        }

        long summaryCpu = 0;
        for (int i = 0; i < 200; i++) {
            long start = threads.getCurrentThreadCpuTime();
            summaries.afterReply(session);
            summaryCpu += threads.getCurrentThreadCpuTime() - start;
        }

        String report = String.format(
                Locale.ROOT,
                """
                # Memory benchmark (chat-service)

                %d remembered messages, %d pinned memories and a summary for one user and character; %d sends after \
                %d to warm up.

                | work | mean CPU ms | p50 wall ms | p95 wall ms |
                |---|---|---|---|
                | memory on the send path (pinned + recall + summary) | %.3f | %.3f | %.3f |
                | - pinned memories | %.3f | %.3f | %.3f |
                | - recall (cached query embedding, 2,000 vectors) | %.3f | %.3f | %.3f |
                | - summary (read, and its place on the path) | %.3f | %.3f | %.3f |

                Background, not on the send path:

                | work | mean CPU ms |
                |---|---|
                | embedding one new message (all-MiniLM-L6-v2, uncached) | %.3f |
                | a reply's summary check (nothing to request) | %.3f |
                """,
                REMEMBERED,
                PINNED,
                SAMPLES,
                WARM_UP,
                mean(cpu) / 1e6,
                percentile(wall, 50) / 1e6,
                percentile(wall, 95) / 1e6,
                mean(partCpu[0]) / 1e6,
                percentile(partWall[0], 50) / 1e6,
                percentile(partWall[0], 95) / 1e6,
                mean(partCpu[1]) / 1e6,
                percentile(partWall[1], 50) / 1e6,
                percentile(partWall[1], 95) / 1e6,
                mean(partCpu[2]) / 1e6,
                percentile(partWall[2], 50) / 1e6,
                percentile(partWall[2], 95) / 1e6,
                embedCpu / 1e6 / fresh.size(),
                summaryCpu / 1e6 / 200);
        System.out.println(report);
        Path file = Path.of("target", "benchmark-memory.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        assertThat(summaries.forPrompt(session, leaf)).isEqualTo("A summary.");
    }

    private void sendPathMemory(
            UUID user, UUID character, UUID session, UUID leaf, String message, List<String> inPrompt) {
        memories.contents(user, character);
        recall.recall(user, character, message, inPrompt);
        summaries.forPrompt(session, leaf);
    }

    /** The user's messages with vectors (random directions: the scan costs the same), pinned memories, a summary. */
    private UUID seed(UUID user, UUID character, UUID session) {
        jdbc.sql("""
                        insert into chat_session (id, user_id, character_id, title, created_at, last_activity_at)
                        values (:id, :user, :character, 'benchmark', now(), now())
                        """)
                .param("id", session)
                .param("user", user)
                .param("character", character)
                .update();
        Random random = new Random(7);
        UUID parent = null;
        Instant at = Instant.now().minusSeconds(REMEMBERED * 60L);
        for (int i = 1; i <= REMEMBERED; i++) {
            UUID id = UUID.randomUUID();
            OffsetDateTime when = OffsetDateTime.ofInstant(at.plusSeconds(i * 60L), ZoneOffset.UTC);
            jdbc.sql("""
                            insert into chat_message (id, session_id, parent_id, depth, role, content, created_at)
                            values (:id, :session, :parent, :depth, 'user', :content, :at)
                            """)
                    .param("id", id)
                    .param("session", session)
                    .param("parent", parent)
                    .param("depth", i)
                    .param("content", "Remembered message " + i + " about an ordinary day.")
                    .param("at", when)
                    .update();
            float[] vector = new float[384];
            double norm = 0;
            for (int d = 0; d < vector.length; d++) {
                vector[d] = (float) random.nextGaussian();
                norm += vector[d] * vector[d];
            }
            for (int d = 0; d < vector.length; d++) {
                vector[d] /= (float) Math.sqrt(norm);
            }
            jdbc.sql("""
                            insert into chat_message_vector (message_id, user_id, character_id, vector, created_at)
                            values (:id, :user, :character, :vector, :at)
                            """)
                    .param("id", id)
                    .param("user", user)
                    .param("character", character)
                    .param("vector", Recall.quantise(vector))
                    .param("at", when)
                    .update();
            parent = id;
        }
        for (int i = 0; i < PINNED; i++) {
            jdbc.sql("""
                            insert into chat_memory (id, user_id, character_id, content)
                            values (:id, :user, :character, :content)
                            """)
                    .param("id", UUID.randomUUID())
                    .param("user", user)
                    .param("character", character)
                    .param("content", "Pinned fact number " + i + " about the user.")
                    .update();
        }
        int throughDepth = REMEMBERED - chat.historyWindow() - 10;
        UUID through = jdbc.sql("select id from chat_message where session_id = :s and depth = :d")
                .param("s", session)
                .param("d", throughDepth)
                .query(UUID.class)
                .single();
        jdbc.sql("""
                        update chat_session set active_leaf_id = :leaf, summary = 'A summary.',
                            summary_through_id = :through, summary_through_depth = :depth
                        where id = :id
                        """)
                .param("leaf", parent)
                .param("through", through)
                .param("depth", throughDepth)
                .param("id", session)
                .update();
        return parent;
    }

    private static double mean(long[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
