package com.companion.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A process of the local stack, found by its pid file, that a fault test can kill and start
 * again exactly as deploy/local/run started it (same command line, environment and directory).
 */
final class Component {

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path directory;

    private Component(String name, List<String> command, Map<String, String> environment, Path directory) {
        this.name = name;
        this.command = command;
        this.environment = environment;
        this.directory = directory;
    }

    static Component of(String name) {
        long pid = pid(name);
        try {
            Path proc = Path.of("/proc", Long.toString(pid));
            List<String> command = split(Files.readAllBytes(proc.resolve("cmdline")));
            Map<String, String> environment = new java.util.LinkedHashMap<>();
            for (String entry : split(Files.readAllBytes(proc.resolve("environ")))) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    environment.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
            return new Component(name, command, environment, proc.resolve("cwd").toRealPath());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read process " + pid + " of " + name, e);
        }
    }

    /** kill -9: no shutdown hook, no graceful anything. */
    void kill() {
        ProcessHandle.of(pid(name)).ifPresent(ProcessHandle::destroyForcibly);
        ProcessHandle.of(pid(name)).ifPresent(p -> p.onExit().join());
    }

    /** Ordinary stop (SIGTERM), waiting until it has exited. */
    void stop() {
        ProcessHandle.of(pid(name)).ifPresent(p -> {
            p.destroy();
            p.onExit().join();
        });
    }

    /** Starts it again as it was started, recording the new pid so deploy/local/stop finds it. */
    void start() {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            Path log = Stack.REPOSITORY.resolve(".local/logs/" + name + ".log");
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Process process = builder.start();
            Files.writeString(pidFile(name), Long.toString(process.pid()) + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + " again", e);
        }
    }

    private static long pid(String name) {
        try {
            return Long.parseLong(Files.readAllLines(pidFile(name)).getFirst().strip());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("no pid for " + name + " in .local/pids", e);
        }
    }

    private static Path pidFile(String name) {
        return Stack.REPOSITORY.resolve(".local/pids/" + name + ".pid");
    }

    private static List<String> split(byte[] nulSeparated) {
        List<String> parts = new ArrayList<>();
        for (String part : new String(nulSeparated, StandardCharsets.UTF_8).split("\0")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }
}
