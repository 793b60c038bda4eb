package com.companion.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU use on this machine, read from Linux's {@code /proc}: how busy all cores were between two
 * readings, and the CPU seconds each process of the local stack (its {@code .local/pids}) used, with
 * PostgreSQL's under {@code postgresql}: every {@code postgres} process on the machine (the server the stack
 * uses, local or embedded), the backends that ended meanwhile included. On another system every figure is "n/a". A benchmark whose load generator shares the machine with the
 * stack is meaningful only next to these figures.
 */
final class CpuUse {

    private static final Path STAT = Path.of("/proc/stat");
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private final long[] machine;
    private final Map<String, Long> processes;

    private CpuUse(long[] machine, Map<String, Long> processes) {
        this.machine = machine;
        this.processes = processes;
    }

    static CpuUse now() {
        return new CpuUse(machine(), processes());
    }

    /** Share of all cores busy since {@code earlier}, e.g. "97 %". */
    String busySince(CpuUse earlier) {
        if (machine == null || earlier.machine == null) {
            return "n/a";
        }
        long busy = machine[0] - earlier.machine[0];
        long total = machine[1] - earlier.machine[1];
        return total <= 0 ? "n/a" : String.format(Locale.ROOT, "%.0f %%", 100.0 * busy / total);
    }

    /** CPU seconds each stack process used since {@code earlier}, the largest first. */
    Map<String, String> perProcessSince(CpuUse earlier) {
        Map<String, String> result = new LinkedHashMap<>();
        processes.entrySet().stream()
                .filter(e -> earlier.processes.containsKey(e.getKey()))
                .sorted((a, b) -> Long.compare(
                        b.getValue() - earlier.processes.get(b.getKey()),
                        a.getValue() - earlier.processes.get(a.getKey())))
                .forEach(e -> result.put(
                        e.getKey(),
                        String.format(
                                Locale.ROOT,
                                "%.1f s",
                                (e.getValue() - earlier.processes.get(e.getKey())) / TICKS_PER_SECOND)));
        return result;
    }

    /**
     * CPU milliseconds each stack process used since {@code earlier} per unit of work (a completed
     * turn), the whole stack first under {@code "stack"}; empty when nothing was done or not on Linux.
     */
    Map<String, Double> millisPerUnitSince(CpuUse earlier, long units) {
        Map<String, Double> result = new LinkedHashMap<>();
        if (units <= 0) {
            return result;
        }
        Map<String, Double> each = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Long> e : processes.entrySet()) {
            Long before = earlier.processes.get(e.getKey());
            if (before != null) {
                double ms = (e.getValue() - before) * 1000.0 / TICKS_PER_SECOND / units;
                each.put(e.getKey(), ms);
                total += ms;
            }
        }
        result.put("stack", total);
        each.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    /** {busy, total} jiffies of all cores, or null. */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(STAT).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]); // idle + iowait
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Map<String, Long> processes() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        Path pids = Stack.REPOSITORY.resolve(".local/pids");
        if (!Files.isDirectory(pids)) {
            return ticks;
        }
        try (Stream<Path> files = Files.list(pids)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                try {
                    String pid = Files.readAllLines(file).getFirst().strip();
                    String stat = Files.readString(Path.of("/proc", pid, "stat"));
                    // Fields after the command name, which is in parentheses and may hold spaces.
                    List<String> f =
                            List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
                    ticks.put(name, Long.parseLong(f.get(11)) + Long.parseLong(f.get(12)));
                } catch (IOException | RuntimeException e) {
                    // not running (or not Linux): left out
                }
            }
        } catch (IOException e) {
            return ticks;
        }
        long postgres = postgresTicks();
        if (postgres > 0) {
            ticks.put("postgresql", postgres);
        }
        return ticks;
    }

    /**
     * User and system ticks of every {@code postgres} process, plus those of their children that ended (a backend
     * whose connection closed is counted in its parent's {@code cutime}/{@code cstime}).
     */
    private static long postgresTicks() {
        long total = 0;
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path dir : entries.toList()) {
                if (!dir.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    String command = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (command.equals("postgres")) {
                        List<String> f = List.of(
                                stat.substring(stat.lastIndexOf(')') + 2).split(" "));
                        total += Long.parseLong(f.get(11))
                                + Long.parseLong(f.get(12))
                                + Long.parseLong(f.get(13))
                                + Long.parseLong(f.get(14));
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }
}
