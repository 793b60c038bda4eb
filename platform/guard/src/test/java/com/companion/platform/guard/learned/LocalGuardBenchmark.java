package com.companion.platform.guard.learned;

import com.companion.platform.guard.ContentGuard;
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

        List<Corpus.Line> lines = new ArrayList<>();
        for (String set : List.of("guard-eval.tsv", "guard-eval-blind4.tsv")) {
            lines.addAll(Corpus.read(Corpus.resourceDir().resolve(set), set));
        }
        // warm-up pass (JIT), then measured passes with the window cache cleared by distinct suffixes
        for (Corpus.Line line : lines) {
            guard.check(line.text(), line.context());
        }
        // The calling thread's CPU per message, and the process's over the whole run: a window's first model runs on
        // a helper thread, which the calling thread's figure does not see.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long processCpu = os.getProcessCpuTime();
        int rounds = 2;
        long[] wall = new long[lines.size() * rounds];
        long[] cpu = new long[lines.size() * rounds];
        int n = 0;
        for (int r = 0; r < rounds; r++) {
            for (Corpus.Line line : lines) {
                String text = line.text() + " (" + r + ")";
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                guard.check(text, line.context());
                wall[n] = System.nanoTime() - t0;
                cpu[n] = threads.getCurrentThreadCpuTime() - c0;
                n++;
            }
        }
        processCpu = os.getProcessCpuTime() - processCpu;
        Arrays.sort(wall);
        Arrays.sort(cpu);
        double chars = lines.stream().mapToInt(l -> l.text().length()).average().orElse(0);
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        System.out.printf(
                Locale.ROOT,
                "%nlocal guard (rules + learned), %d checks of %d lines (~%.0f chars), %d cores, load average %s%n"
                        + "model load %d ms (embedder %d ms); heap after load %d MB; %s%n"
                        + "wall ms per message: p50 %.2f  p99 %.2f  max %.2f%n"
                        + "calling thread's CPU ms per message: p50 %.2f  p99 %.2f  max %.2f%n"
                        + "process CPU ms per message (every thread, the helpers' and the JVM's too), mean: %.2f%n",
                n,
                lines.size(),
                chars,
                rt.availableProcessors(),
                load,
                loadMillis,
                embedder.loadMillis(),
                heapMb,
                rss.replaceAll("\\s+", " "),
                wall[n / 2] / 1e6,
                wall[(int) (n * 0.99)] / 1e6,
                wall[n - 1] / 1e6,
                cpu[n / 2] / 1e6,
                cpu[(int) (n * 0.99)] / 1e6,
                cpu[n - 1] / 1e6,
                processCpu / 1e6 / n);
    }
}
