package com.companion.platform.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Prints how long a check takes for typical ~200-character chat messages. It asserts nothing about time (shared CI
 * cores make timed assertions flaky); read the figure in the test output.
 */
class GuardThroughputTest {

    private static final List<String> MESSAGES = List.of(
            "Hey, I had minor surgery last week and I'm still a bit sore. Could you tell me something cheerful? My little"
                    + " sister keeps asking about you and the horse we ride on Sundays misses me too!",
            "*Mia smiles and takes your hand, leading you towards the window where the city lights flicker* I've been"
                    + " waiting all day to see you. Tell me everything about your exam, I want every detail.",
            "let's roleplay: you're my girlfriend and we're on a rainy weekend trip, we get a cabin in the woods and"
                    + " cuddle by the fire while the storm rages outside, then you kiss my neck slowly",
            "I feel so tired of everything lately. Work is brutal, my boss forced me to stay late again, and I barely"
                    + " sleep. Sometimes I wonder what the point is. Can we just talk for a bit tonight?");

    @Test
    void printsChecksPerSecond() {
        ContentGuard guard = ContentGuard.rules();
        GuardContext ctx = GuardContext.input(true, true);
        for (int i = 0; i < 1_000; i++) {
            guard.check(MESSAGES.get(i % MESSAGES.size()), ctx);
        }
        int rounds = 5_000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        int allowed = 0;
        for (int i = 0; i < rounds; i++) {
            allowed += guard.check(MESSAGES.get(i % MESSAGES.size()), ctx).allowed() ? 1 : 0;
        }
        long elapsed = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        double microsPerCheck = elapsed / 1_000.0 / rounds;
        double cpuMicrosPerCheck = cpu / 1_000.0 / rounds;
        double averageLength =
                MESSAGES.stream().mapToInt(String::length).average().orElse(0);
        System.out.printf(
                Locale.ROOT,
                "guard throughput: %d checks of ~%.0f chars: wall %.1f us/check (%.0f checks/s), thread CPU %.1f"
                        + " us/check (%.0f checks/s per core)%n",
                rounds,
                averageLength,
                microsPerCheck,
                1e6 / microsPerCheck,
                cpuMicrosPerCheck,
                1e6 / cpuMicrosPerCheck);
        assertThat(allowed).isEqualTo(rounds);
    }
}
