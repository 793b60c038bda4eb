package com.companion.platform.guard.learned;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void readsTheCpuTimeOfWorkOnAVirtualThreadFromItsCarrier() throws Exception {
        assertThat(ThreadCpu.timesVirtualThreads())
                .as("Linux's /proc/thread-self/schedstat")
                .isTrue();
        AtomicLong cpu = new AtomicLong(-2);
        Thread.ofVirtual()
                .start(() -> {
                    ThreadCpu.Mark mark = ThreadCpu.mark();
                    cpu.set(ThreadCpu.since(mark) >= 0 ? busy(mark) : -1);
                })
                .join();
        assertThat(cpu.get()).as("CPU nanoseconds of the busy work").isPositive();
    }

    @Test
    void readsThePlatformThreadsOwnClock() {
        ThreadCpu.Mark mark = ThreadCpu.mark();
        assertThat(mark.carrier()).isNull();
        assertThat(busy(mark)).isPositive();
    }

    /** Hashes until the clock moves; the CPU time it read, or -1. */
    private static long busy(ThreadCpu.Mark mark) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] data = new byte[64 * 1024];
            long cpu = 0;
            for (int i = 0; i < 10_000 && cpu == 0; i++) {
                data = java.util.Arrays.copyOf(sha.digest(data), 64 * 1024);
                cpu = ThreadCpu.since(mark);
            }
            return cpu;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
