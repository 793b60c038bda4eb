package com.companion.system;

import com.companion.system.Api.Response;
import com.companion.system.Api.User;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A soak at half capacity: first the sustained turn rate is measured (closed loop, instant LLM),
 * then turns are sent at half that rate, open loop, for {@code soak.minutes} (10). Reports latency
 * drift (first against last minute), the resident memory each process of the stack gained, and what
 * is left in the outboxes and dead-letter topics at the end. Loopback only; the number of turns is
 * bounded by rate times duration, and a turn that finds no idle session is skipped, not queued. Run
 * with {@code ./mvnw -pl deploy/local,system-tests verify -Pbenchmark -Dit.test=SoakBenchmark}; it
 * reports, it does not fail on the figures.
 */
@ExtendWith(Stack.class)
class SoakBenchmark {

    private static final Duration SOAK = Duration.ofMinutes(Integer.getInteger("soak.minutes", 10));
    private static final Duration CAPACITY_WINDOW = Duration.ofSeconds(20);
    private static final int USERS = 20;
    private static final int SESSIONS = 200;
    private static final int CAPACITY_CLIENTS = 64;
    private static final String KAFKA = System.getProperty("system.kafka", "127.0.0.1:9092");

    private record Chat(User user, UUID session) {}

    private final List<String[]> rows = new ArrayList<>();

    @Test
    void soakAtHalfCapacity() throws Exception {
        llm(0, 0);
        List<User> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(Api.signup(30));
        }
        List<Chat> chats = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            User user = users.get(i % USERS);
            UUID character = Characters.create(user, "private", false);
            chats.add(new Chat(user, ChatSystemIT.session(user, character)));
        }

        double capacity = capacity(chats);
        double rate = capacity / 2;
        row("capacity (closed loop, " + CAPACITY_CLIENTS + " clients, instant LLM)", perSecond(capacity), "");
        row("soak rate (half), length", perSecond(rate) + ", " + SOAK.toMinutes() + " min", "");

        Map<String, Long> rssBefore = rssKb();
        Map<String, Long> dltBefore = deadLetters();
        CpuUse cpu = CpuUse.now();
        soak(chats, rate);
        row("  (machine CPU busy, all cores)", CpuUse.now().busySince(cpu), "");
        Map<String, Long> rssAfter = rssKb();
        rssAfter.forEach((process, kb) -> {
            long before = rssBefore.getOrDefault(process, 0L);
            row(
                    "RSS " + process + " start → end (growth)",
                    mb(before) + " → " + mb(kb) + " (" + (kb >= before ? "+" : "") + mb(kb - before) + ")",
                    "");
        });
        outboxBacklog().forEach((database, rowsLeft) -> row("outbox backlog " + database, rowsLeft, "0"));
        Map<String, Long> dltAfter = deadLetters();
        long dltAdded = 0;
        for (Map.Entry<String, Long> topic : dltAfter.entrySet()) {
            long added = topic.getValue() - dltBefore.getOrDefault(topic.getKey(), 0L);
            dltAdded += added;
            if (topic.getValue() > 0) {
                row("DLT " + topic.getKey() + " records (added in soak)", topic.getValue() + " (" + added + ")", "");
            }
        }
        row("DLT records added during the soak, all topics", Long.toString(dltAdded), "0");
        row("stack status at the end (deploy/local/run --status)", Stack.statusSummary(), "healthy");
        llm(250, 20);
        print();
    }

    /** Turns per second with every client sending back to back. */
    private double capacity(List<Chat> chats) throws Exception {
        AtomicLong turns = new AtomicLong();
        long end = System.nanoTime() + CAPACITY_WINDOW.toNanos();
        long t0 = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CAPACITY_CLIENTS; i++) {
                Chat chat = chats.get(i);
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        if (send(chat) == 200) {
                            turns.incrementAndGet();
                        }
                    }
                });
            }
        }
        return turns.get() / ((System.nanoTime() - t0) / 1e9);
    }

    /** Sends at {@code rate} turns a second for {@link #SOAK}, each on an idle session, and records latency a minute. */
    private void soak(List<Chat> chats, double rate) {
        BlockingQueue<Chat> idle = new ArrayBlockingQueue<>(chats.size(), false, chats);
        Map<Integer, List<Long>> latencyByMinute = new ConcurrentHashMap<>();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long skipped = 0;
        long issued = 0;
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        long end = start + SOAK.toNanos();
        long next = start;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                if (now < next) {
                    LockSupport.parkNanos(next - now);
                    continue;
                }
                next += interval;
                Chat chat = idle.poll();
                if (chat == null) {
                    skipped++;
                    continue;
                }
                issued++;
                pool.submit(() -> {
                    long t0 = System.nanoTime();
                    int status = send(chat);
                    long took = System.nanoTime() - t0;
                    if (status == 200) {
                        ok.incrementAndGet();
                        latencyByMinute
                                .computeIfAbsent(
                                        (int) TimeUnit.NANOSECONDS.toMinutes(t0 - start),
                                        m -> Collections.synchronizedList(new ArrayList<>()))
                                .add(took);
                    } else {
                        failed.incrementAndGet();
                    }
                    idle.add(chat);
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        row(
                "turns issued / ok / failed / skipped (no idle session)",
                issued + " / " + ok + " / " + failed + " / " + skipped,
                "failed 0, skipped 0");
        row("achieved rate", perSecond(ok.get() / seconds), "");
        Map<Integer, List<Long>> minutes = new TreeMap<>(latencyByMinute);
        minutes.forEach((minute, samples) -> {
            List<Long> sorted = sorted(samples);
            row(
                    "  minute " + (minute + 1) + " p50 / p99",
                    ms(percentile(sorted, 50)) + " / " + ms(percentile(sorted, 99)),
                    "");
        });
        if (!minutes.isEmpty()) {
            List<Long> first = sorted(minutes.get(((TreeMap<Integer, List<Long>>) minutes).firstKey()));
            List<Long> last = sorted(minutes.get(((TreeMap<Integer, List<Long>>) minutes).lastKey()));
            row("drift p50 (last / first minute)", ratio(percentile(last, 50), percentile(first, 50)), "≈ 1.0");
            row("drift p99 (last / first minute)", ratio(percentile(last, 99), percentile(first, 99)), "≈ 1.0");
        }
    }

    private static int send(Chat chat) {
        try {
            Response r = Api.post(
                    "/chat/send",
                    chat.user(),
                    Map.of("session_id", chat.session().toString(), "message", "How are you today?"));
            return r.status();
        } catch (IllegalStateException connectionTrouble) {
            return -1;
        }
    }

    /** Resident memory of every process in {@code .local/pids}, in kB. */
    private static Map<String, Long> rssKb() throws IOException {
        Map<String, Long> rss = new TreeMap<>();
        Path pids = Stack.REPOSITORY.resolve(".local/pids");
        if (!Files.isDirectory(pids)) {
            return rss;
        }
        try (Stream<Path> files = Files.list(pids)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                String name = file.getFileName().toString().replace(".pid", "");
                if (name.equals("run")) {
                    continue;
                }
                try {
                    String pid = Files.readAllLines(file).getFirst().strip();
                    for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                        if (line.startsWith("VmRSS:")) {
                            rss.put(name, Long.parseLong(line.replaceAll("[^0-9]", "")));
                        }
                    }
                } catch (IOException | RuntimeException gone) {
                    rss.put(name, 0L);
                }
            }
        }
        return rss;
    }

    /** Rows still waiting in each service's outbox. */
    private static Map<String, String> outboxBacklog() {
        Map<String, String> backlog = new TreeMap<>();
        for (String database : Stack.DATABASES) {
            try (Connection db = Stack.database(database);
                    ResultSet rs = db.createStatement().executeQuery("select count(*) from platform_outbox")) {
                rs.next();
                backlog.put(database, Long.toString(rs.getLong(1)));
            } catch (SQLException e) {
                backlog.put(database, "n/a (" + e.getMessage() + ")");
            }
        }
        return backlog;
    }

    /** Records in each dead-letter topic ({@code <topic>.DLT}). */
    private static Map<String, Long> deadLetters() throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            List<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> t.endsWith(".DLT"))
                    .toList();
            if (topics.isEmpty()) {
                return counts;
            }
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new java.util.HashMap<>();
            admin.describeTopics(topics)
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .forEach((name, description) -> description.partitions().forEach(p -> {
                        latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest());
                        earliest.put(new TopicPartition(name, p.partition()), OffsetSpec.earliest());
                    }));
            var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            var starts = admin.listOffsets(earliest).all().get(30, TimeUnit.SECONDS);
            ends.forEach((partition, info) -> counts.merge(
                    partition.topic(), info.offset() - starts.get(partition).offset(), Long::sum));
        }
        return counts;
    }

    private static void llm(int ttftMs, int perTokenMs) {
        Api.send(HttpRequest.newBuilder(URI.create(Stack.LLM_ADMIN + "/_admin/behaviour"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"time_to_first_token_ms\":" + ttftMs
                        + ",\"time_per_token_ms\":" + perTokenMs + ",\"varied_replies\":true}"))
                .build());
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> copy;
        synchronized (values) {
            copy = new ArrayList<>(values);
        }
        Collections.sort(copy);
        return copy;
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static String mb(long kb) {
        return String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
    }

    private static String perSecond(double rate) {
        return String.format(Locale.ROOT, "%.0f turns/s", rate);
    }

    private static String ratio(long last, long first) {
        return first <= 0 || last < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", (double) last / first);
    }

    private void row(String metric, String value, String target) {
        rows.add(new String[] {metric, value, target});
    }

    private void print() throws IOException {
        StringBuilder table = new StringBuilder("\n| soak metric | measured | target |\n|---|---|---|\n");
        rows.forEach(r -> table.append("| ")
                .append(r[0])
                .append(" | ")
                .append(r[1])
                .append(" | ")
                .append(r[2])
                .append(" |\n"));
        System.out.println(table);
        Files.writeString(Stack.REPOSITORY.resolve("system-tests/target/soak.md"), table.toString());
    }
}
