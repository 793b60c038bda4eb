package com.companion.platform.guard.learned;

import com.companion.platform.guard.Audience;
import com.companion.platform.guard.ContentGuard;
import com.companion.platform.guard.Conversation;
import com.companion.platform.guard.GuardContext;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Latency of the whole local guard (rules + learned) per message over the labelled lines, the one-off model load time,
 * and heap and RSS after loading. Not part of the test run (it asserts nothing):
 *
 * <pre>./mvnw -pl platform/guard test -Pbenchmark</pre>
 */
class LocalGuardBenchmark {

    @Test
    void latencyPerMessage() throws Exception {
        long start = System.nanoTime();
        SentenceEmbedder embedder = SentenceEmbedder.shared();
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        ContentGuard guard = ContentGuard.local();
        guard.check("warm up", GuardContext.input(true, true));
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heapMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmRSS"))
                .findFirst()
                .orElse("VmRSS: n/a");

        List<Check> single = new ArrayList<>();
        for (String set : List.of("guard-eval.tsv", "guard-eval-blind4.tsv")) {
            Corpus.read(Corpus.resourceDir().resolve(set), set)
                    .forEach(line -> single.add(new Check(line.text(), line.context())));
        }
        // A user's message in a conversation is also read joined to the last messages (a second embedding when it
        // reads at all sexual alone), so the conversation sets are measured with their conversations and without.
        List<Check> inConversation = new ArrayList<>();
        List<Check> withoutIt = new ArrayList<>();
        List<Session> sessions = new ArrayList<>();
        for (String set : List.of(
                LearnedBlindEvaluationTest.CONTEXT,
                LearnedBlindEvaluationTest.CONTEXT2,
                LearnedBlindEvaluationTest.CONTEXT3)) {
            for (Corpus.InConversation line : Corpus.readConversations(set)) {
                inConversation.add(new Check(line.line().text(), line.context()));
                List<String> messages =
                        new ArrayList<>(line.context().conversation().recentMessages());
                messages.add(line.line().text());
                sessions.add(new Session(messages, line.line().audience()));
                withoutIt.add(new Check(
                        line.line().text(), GuardContext.input(line.line().audience())));
            }
        }
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        System.out.printf(
                Locale.ROOT,
                "%nlocal guard (rules + learned), %d cores, load average %s%n"
                        + "model load %d ms (embedder %d ms); heap after load %d MB; %s%n",
                rt.availableProcessors(),
                load,
                loadMillis,
                embedder.loadMillis(),
                heapMb,
                rss.replaceAll("\\s+", " "));
        measure(guard, 1, "single messages", single);
        measure(guard, 2, "conversation sets' messages, with their conversations", inConversation);
        measure(guard, 3, "the same messages alone", withoutIt);
        replay(ContentGuard.rules(), 4, "rules alone", sessions, 12);
        replay(guard, 5, "rules + learned", sessions, 3);
    }

    private record Check(String text, GuardContext context) {}

    /** A conversation set's line as a session: its earlier messages and its new one, oldest first. */
    private record Session(List<String> messages, Audience audience) {}

    /**
     * The conversation sets replayed as chat-service judges them, turn by turn: every other message, ending with the new
     * one, is the user's and is judged with the six messages before it; the others are replies, judged elsewhere. Every
     * text is new to every cache in each round, as each turn's two texts are in a session. The first third of the rounds
     * warms up.
     */
    private static void replay(ContentGuard guard, int pass, String name, List<Session> sessions, int rounds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Long> cpu = new ArrayList<>();
        long processCpu = 0;
        for (int r = 0; r < rounds; r++) {
            boolean measured = r >= rounds / 3;
            long process0 = os.getProcessCpuTime();
            for (Session session : sessions) {
                String suffix = " (" + pass + "." + r + ")";
                List<String> texts =
                        session.messages().stream().map(m -> m + suffix).toList();
                for (int i = (texts.size() - 1) % 2; i < texts.size(); i += 2) {
                    GuardContext context = GuardContext.input(session.audience())
                            .with(Conversation.of(texts.subList(Math.max(0, i - 6), i), ""));
                    long c0 = threads.getCurrentThreadCpuTime();
                    guard.check(texts.get(i), context);
                    if (measured) {
                        cpu.add(threads.getCurrentThreadCpuTime() - c0);
                    }
                }
            }
            if (measured) {
                processCpu += os.getProcessCpuTime() - process0;
            }
        }
        long[] sorted = cpu.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        System.out.printf(
                Locale.ROOT,
                "sessions replayed turn by turn, %s: %d user messages of %d conversations%n"
                        + "  calling thread's CPU ms per user message: mean %.3f  p50 %.3f  p99 %.3f%n"
                        + "  process CPU ms per user message, mean: %.3f%n",
                name,
                n,
                sessions.size(),
                Arrays.stream(sorted).average().orElse(0) / 1e6,
                sorted[n / 2] / 1e6,
                sorted[(int) (n * 0.99)] / 1e6,
                processCpu / 1e6 / n);
    }

    /**
     * A warm-up pass (JIT), then measured passes. Each measured text gets a suffix of its own ({@code pass}, round), so
     * it is new to the embedder's caches as a user's next message is, while the conversation's earlier texts stay
     * cached from the warm-up as they are from the turns before.
     */
    private static void measure(ContentGuard guard, int pass, String name, List<Check> checks) {
        for (Check check : checks) {
            guard.check(check.text(), check.context());
        }
        // The calling thread's CPU per message, and the process's over the whole run: a window's first model runs on
        // a helper thread, which the calling thread's figure does not see.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long processCpu = os.getProcessCpuTime();
        int rounds = 2;
        long[] wall = new long[checks.size() * rounds];
        long[] cpu = new long[checks.size() * rounds];
        int n = 0;
        for (int r = 0; r < rounds; r++) {
            for (Check check : checks) {
                String text = check.text() + " (" + pass + "." + r + ")";
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                guard.check(text, check.context());
                wall[n] = System.nanoTime() - t0;
                cpu[n] = threads.getCurrentThreadCpuTime() - c0;
                n++;
            }
        }
        processCpu = os.getProcessCpuTime() - processCpu;
        Arrays.sort(wall);
        Arrays.sort(cpu);
        double chars =
                checks.stream().mapToInt(c -> c.text().length()).average().orElse(0);
        System.out.printf(
                Locale.ROOT,
                "%s: %d checks of %d messages (~%.0f chars)%n"
                        + "  wall ms per message: p50 %.2f  p99 %.2f  max %.2f%n"
                        + "  calling thread's CPU ms per message: p50 %.2f  p99 %.2f  max %.2f%n"
                        + "  process CPU ms per message (every thread, the helpers' and the JVM's too), mean: %.2f%n",
                name,
                n,
                checks.size(),
                chars,
                wall[n / 2] / 1e6,
                wall[(int) (n * 0.99)] / 1e6,
                wall[n - 1] / 1e6,
                cpu[n / 2] / 1e6,
                cpu[(int) (n * 0.99)] / 1e6,
                cpu[n - 1] / 1e6,
                processCpu / 1e6 / n);
    }
}
