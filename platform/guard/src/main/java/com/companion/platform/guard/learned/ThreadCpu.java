package com.companion.platform.guard.learned;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time a stretch of code took on the calling thread, for the inference metrics. On a platform thread the JVM
 * reports it ({@link ThreadMXBean#getCurrentThreadCpuTime()}); on a virtual thread it does not, so the clock read is
 * that of the operating-system thread carrying it: Linux's {@code /proc/thread-self/schedstat} (its first field is the
 * thread's time on a CPU in nanoseconds), and the stretch counts only if it began and ended on the same carrier (the
 * same {@code /proc/thread-self} link). A model run is one native call, which keeps its virtual thread on one carrier,
 * so in practice every run is timed; a read costs a few microseconds against milliseconds of inference. Where the file
 * does not exist a virtual thread's stretch stays untimed (-1).
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final Path SELF = Path.of("/proc/thread-self");
    private static final Path SCHEDSTAT = SELF.resolve("schedstat");

    private static final boolean CARRIER_CLOCK = Files.isReadable(SCHEDSTAT);

    /** Where a stretch began: the carrier ({@code pid/task/tid}, null on a platform thread) and its CPU clock, or -1. */
    record Mark(String carrier, long nanos) {}

    private ThreadCpu() {}

    static Mark mark() {
        if (!Thread.currentThread().isVirtual()) {
            return new Mark(null, THREADS.getCurrentThreadCpuTime());
        }
        if (!CARRIER_CLOCK) {
            return new Mark(null, -1);
        }
        String carrier = carrier();
        return new Mark(carrier, carrier == null ? -1 : carrierNanos());
    }

    /** The CPU time since {@code mark} on this thread, or -1 when it cannot be known. */
    static long since(Mark mark) {
        if (mark.nanos() < 0) {
            return -1;
        }
        if (mark.carrier() == null) {
            return THREADS.getCurrentThreadCpuTime() - mark.nanos();
        }
        long now = carrierNanos();
        return now >= 0 && mark.carrier().equals(carrier()) ? now - mark.nanos() : -1;
    }

    /** Whether a virtual thread's CPU time can be read here. */
    static boolean timesVirtualThreads() {
        return CARRIER_CLOCK;
    }

    private static String carrier() {
        try {
            return Files.readSymbolicLink(SELF).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static long carrierNanos() {
        try {
            String stat = new String(Files.readAllBytes(SCHEDSTAT), StandardCharsets.US_ASCII);
            int end = stat.indexOf(' ');
            return Long.parseLong(end < 0 ? stat.strip() : stat.substring(0, end));
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
