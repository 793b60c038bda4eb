package com.companion.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an embedded PostgreSQL server for the local stack until this JVM is stopped (SIGTERM/SIGINT).
 *
 * <p>Usage: {@code EmbeddedPostgresMain <port> <data-dir> [<work-dir>]}. The data directory is kept
 * between runs. Trust authentication, superuser {@code postgres}. Unpacking the binaries on the first
 * start needs about 100 MB of heap.
 */
public final class EmbeddedPostgresMain {

    private EmbeddedPostgresMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: EmbeddedPostgresMain <port> <data-dir> [<work-dir>]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path dataDir = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(dataDir.getParent());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "32MB")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off");
        if (args.length > 2) {
            Path workDir = Path.of(args[2]).toAbsolutePath();
            Files.createDirectories(workDir);
            builder.setOverrideWorkingDirectory(workDir.toFile());
        }
        EmbeddedPostgres postgres = builder.start();
        System.out.println("embedded PostgreSQL listening on 127.0.0.1:" + postgres.getPort() + ", data " + dataDir);
        // The first start unpacks the binaries (xz needs a large buffer); give that memory back.
        System.gc();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                postgres.close();
                                System.out.println("embedded PostgreSQL stopped");
                            } catch (Exception e) {
                                System.err.println("stopping embedded PostgreSQL failed: " + e);
                            } finally {
                                stopped.countDown();
                            }
                        },
                        "embedded-postgres-stop"));
        stopped.await();
    }
}
