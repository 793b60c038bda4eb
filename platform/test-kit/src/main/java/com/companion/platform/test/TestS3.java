package com.companion.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3-compatible server of the tests (for the export kit's {@code platform.export.*}): Adobe S3Mock run from its executable jar as a separate
 * process (so its dependencies stay off the service's classpath), once per test JVM, on a free
 * port, with the test bucket created. It stops when the JVM exits. The service under test talks
 * to it over HTTP with the real AWS SDK.
 */
public final class TestS3 {

    public static final String BUCKET = "companion-test";
    public static final String REGION = "us-east-1";
    private static final String ACCESS_KEY = "test-access-key";
    private static final String SECRET_KEY = "test-secret-key";
    private static final Duration STARTUP = Duration.ofMinutes(3);

    private static volatile URI endpoint;

    private TestS3() {}

    public static URI endpoint() {
        if (endpoint == null) {
            synchronized (TestS3.class) {
                if (endpoint == null) {
                    endpoint = start();
                }
            }
        }
        return endpoint;
    }

    private static volatile S3Client client;

    /** A client of its own for tests that look into the bucket directly. */
    public static S3Client client() {
        if (client == null) {
            synchronized (TestS3.class) {
                if (client == null) {
                    client = newClient();
                }
            }
        }
        return client;
    }

    /** The object's bytes. */
    public static byte[] read(String key) {
        return client().getObjectAsBytes(g -> g.bucket(BUCKET).key(key)).asByteArray();
    }

    /** The keys in the test bucket that start with {@code prefix}. */
    public static List<String> keys(String prefix) {
        return client().listObjectsV2(l -> l.bucket(BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .toList();
    }

    private static S3Client newClient() {
        return S3Client.builder()
                .endpointOverride(endpoint())
                .region(Region.of(REGION))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .forcePathStyle(true)
                .build();
    }

    /** Points a test context at the server. Credentials reach the service the way they do in production: through the SDK's default chain. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String url = endpoint().toString();
            System.setProperty("aws.accessKeyId", ACCESS_KEY);
            System.setProperty("aws.secretAccessKey", SECRET_KEY);
            TestPropertyValues.of(
                            "platform.export.endpoint=" + url,
                            "platform.export.public-endpoint=" + url,
                            "platform.export.bucket=" + BUCKET,
                            "platform.export.region=" + REGION)
                    .applyTo(context);
        }
    }

    /**
     * Runs the server under a shell that also waits for this JVM's end of its stdin to close: a
     * test JVM killed without running its shutdown hooks still takes the server down with it.
     */
    private static final String WATCHDOG = "exec 3<&0; \"$@\" < /dev/null & server=$!;"
            + " (cat <&3 > /dev/null; kill $server 2> /dev/null) & wait $server";

    private static URI start() {
        Path jar = Path.of(System.getProperty("s3mock.jar", "target/s3mock/s3mock-exec.jar"))
                .toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the build copies it in process-test-resources");
        }
        try {
            int port = freePort();
            Path root = Files.createTempDirectory("s3mock-");
            Path log = jar.resolveSibling("s3mock-" + port + ".log");
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", WATCHDOG, "s3mock"));
            command.addAll(List.of(
                    java,
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-Xss512k",
                    "-Xmx256m",
                    "-jar",
                    jar.toString(),
                    "--http.port=" + port,
                    "--server.port=0",
                    "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                    "--com.adobe.testing.s3mock.store.root=" + root,
                    "--com.adobe.testing.s3mock.max-payload-size=64MB",
                    "--spring.main.banner-mode=off"));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, root), "test-s3-stop"));
            URI uri = URI.create("http://127.0.0.1:" + port);
            awaitBucket(process, uri, log);
            return uri;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asking for the bucket also initialises S3Mock's lazily created store. */
    private static void awaitBucket(Process process, URI uri, Path log) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(uri.resolve("/" + BUCKET))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                process.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop(process, null);
        throw new IllegalStateException("S3Mock did not answer within " + STARTUP + "; see " + log);
    }

    /** Closing the server's stdin makes the watchdog stop it; force only if it does not go. */
    private static void stop(Process process, Path root) {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (root != null) {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory; the OS cleans it eventually
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
