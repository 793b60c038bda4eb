package com.companion.auth.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.auth.support.Api.Reply;
import com.companion.auth.support.AuthApiTest;
import com.companion.auth.support.MutableClock;
import com.companion.auth.support.Signups;
import com.companion.auth.support.TestSmtp;
import com.companion.auth.support.TestSmtp.Mail;
import com.companion.contracts.EventEnvelope;
import com.companion.contracts.EventJson;
import com.companion.contracts.Topics;
import com.companion.contracts.auth.ExportRequested;
import com.companion.contracts.export.ExportPartReady;
import com.companion.platform.export.ExportStorage;
import com.companion.platform.test.IntegrationTest;
import com.companion.platform.test.KafkaProbe;
import com.companion.platform.test.TestS3;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.convention.TestBean;
import software.amazon.awssdk.core.sync.RequestBody;
import tools.jackson.databind.JsonNode;

/**
 * The data export's lifecycle in auth-service, with the other services played by the test: the job
 * starts with {@code auth.export-requested}, the parts arrive as {@code export.part-ready} with their
 * documents in the bucket (S3Mock over HTTP), and the zip behind the presigned URL holds the profile
 * and every part; the owner is mailed. A job whose parts do not all arrive fails at its deadline,
 * naming the missing services.
 */
@IntegrationTest(properties = {"auth.export.timeout=10m", "auth.export.sweep-interval=200ms"})
@ContextConfiguration(initializers = TestS3.Initializer.class)
class DataExportIT extends AuthApiTest {

    private static final List<String> SERVICES =
            List.of("character-service", "chat-service", "media-service", "ad-service");
    private static final MutableClock CLOCK = new MutableClock(Duration.ZERO);
    private static final KafkaProbe REQUESTS = new KafkaProbe(Topics.EXPORT_REQUESTS);

    @TestBean
    Clock clock;

    static Clock clock() {
        return CLOCK;
    }

    @Autowired
    KafkaTemplate<String, String> kafka;

    @AfterAll
    static void closeProbe() {
        REQUESTS.close();
    }

    @Test
    void theServicesPartsAreZippedWithTheProfileBehindAPresignedUrlAndTheOwnerIsMailed() throws Exception {
        Reply user = api.post("/auth/signup", Signups.valid().body());
        String token = user.text("access_token");
        UUID userId = UUID.fromString(user.at("/user/id").asString());
        String email = user.at("/user/email").asString();

        Reply started = api.post("/auth/me/export", Map.of(), token);
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        UUID exportId = UUID.fromString(started.text("id"));
        assertThat(api.post("/auth/me/export", Map.of(), token).text("id"))
                .as("asking again while a job runs answers that job")
                .isEqualTo(exportId.toString());
        ExportRequested requested = awaitRequest(exportId);
        assertThat(requested.userId()).isEqualTo(userId);
        assertThat(api.get("/auth/me/export/" + exportId, token).text("status")).isEqualTo("pending");

        Map<String, byte[]> written = new LinkedHashMap<>();
        for (String service : SERVICES) {
            String key = ExportStorage.partKey(exportId, service);
            byte[] document = ("{\"service\":\"" + service + "\",\"user_id\":\"" + userId + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            put(key, document);
            written.put(service + ".json", document);
        }
        byte[] picture = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        put(ExportStorage.folder(exportId) + "media-service/picture.png", picture);
        written.put("media-service/picture.png", picture);

        for (String service : SERVICES.subList(0, 3)) {
            partReady(exportId, userId, service);
        }
        partReady(exportId, userId, "chat-service"); // a redelivered answer counts once
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> "pending"
                        .equals(api.get("/auth/me/export/" + exportId, token).text("status")));
        partReady(exportId, userId, "ad-service");

        Reply ready = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> api.get("/auth/me/export/" + exportId, token),
                        reply -> "ready".equals(reply.text("status")));
        String url = ready.text("url");
        assertThat(url).startsWith(TestS3.endpoint().toString());
        assertThat(ready.text("url_expires_at")).isNotBlank();

        Map<String, byte[]> entries = unzip(download(url));
        assertThat(entries.keySet())
                .containsExactlyInAnyOrder(
                        "README.txt",
                        "profile.json",
                        "character-service.json",
                        "chat-service.json",
                        "media-service.json",
                        "ad-service.json",
                        "media-service/picture.png");
        written.forEach(
                (name, content) -> assertThat(entries.get(name)).as(name).isEqualTo(content));
        JsonNode profile = com.companion.auth.support.Api.JSON.readTree(entries.get("profile.json"));
        assertThat(profile.path("id").asString()).isEqualTo(userId.toString());
        assertThat(profile.path("email").asString()).isEqualTo(email);
        await().atMost(Duration.ofSeconds(10))
                .alias("the parts are removed once zipped")
                .until(() -> TestS3.keys(ExportStorage.folder(exportId)).isEmpty());

        Mail mail = await().atMost(Duration.ofSeconds(20))
                .until(() -> TestSmtp.to(email, "Your data export is ready"), mails -> !mails.isEmpty())
                .getFirst();
        assertThat(mail.text()).contains("/app/account/export?id=" + exportId);
        assertThat(mail.html()).contains("/app/account/export?id=" + exportId);

        Reply stranger = api.post("/auth/signup", Signups.valid().body());
        assertThat(api.get("/auth/me/export/" + exportId, stranger.text("access_token"))
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/auth/me/export/" + UUID.randomUUID(), token).status())
                .isEqualTo(404);
        assertThat(api.post("/auth/me/export", Map.of(), token).text("id"))
                .as("a finished job does not hold back a new one")
                .isNotEqualTo(exportId.toString());
    }

    @Test
    void aJobWhosePartsDoNotAllArriveFailsAtItsDeadlineNamingTheMissingServices() {
        Reply user = api.post("/auth/signup", Signups.valid().body());
        String token = user.text("access_token");
        UUID userId = UUID.fromString(user.at("/user/id").asString());
        UUID exportId =
                UUID.fromString(api.post("/auth/me/export", Map.of(), token).text("id"));
        awaitRequest(exportId);
        put(ExportStorage.partKey(exportId, "character-service"), "{}".getBytes(StandardCharsets.UTF_8));
        partReady(exportId, userId, "character-service");
        put(ExportStorage.partKey(exportId, "ad-service"), "{}".getBytes(StandardCharsets.UTF_8));
        partReady(exportId, userId, "ad-service");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from data_export_part where export_id = :id")
                                .param("id", exportId)
                                .query(Integer.class)
                                .single()
                        == 2);
        assertThat(api.get("/auth/me/export/" + exportId, token).text("status")).isEqualTo("pending");

        CLOCK.advance(Duration.ofMinutes(11));
        try {
            Reply failed = await().atMost(Duration.ofSeconds(10))
                    .until(
                            () -> api.get("/auth/me/export/" + exportId, token),
                            reply -> "failed".equals(reply.text("status")));
            assertThat(failed.body().path("missing").toString()).isEqualTo("[\"chat-service\",\"media-service\"]");
            assertThat(failed.body().path("url").isMissingNode()
                            || failed.body().path("url").isNull())
                    .isTrue();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> TestS3.keys(ExportStorage.folder(exportId)).isEmpty());

            // a part arriving after the deadline changes nothing
            partReady(exportId, userId, "chat-service");
            partReady(exportId, userId, "media-service");
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> "failed"
                            .equals(api.get("/auth/me/export/" + exportId, token)
                                    .text("status")));
        } finally {
            CLOCK.setOffset(Duration.ZERO);
        }
    }

    @Test
    void aPartClaimingAnotherUsersExportIsIgnored() {
        Reply user = api.post("/auth/signup", Signups.valid().body());
        String token = user.text("access_token");
        UUID exportId =
                UUID.fromString(api.post("/auth/me/export", Map.of(), token).text("id"));
        awaitRequest(exportId);

        partReady(exportId, UUID.randomUUID(), "chat-service");
        partReady(exportId, UUID.fromString(user.at("/user/id").asString()), "unknown-service");
        await().during(Duration.ofMillis(800))
                .atMost(Duration.ofSeconds(5))
                .until(() -> jdbc.sql("select count(*) from data_export_part where export_id = :id")
                                .param("id", exportId)
                                .query(Integer.class)
                                .single()
                        == 0);
    }

    private static ExportRequested awaitRequest(UUID exportId) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> REQUESTS.records().stream()
                                .filter(record -> exportId.toString().equals(record.key()))
                                .map(record -> EventJson.decode(record.value()).data())
                                .filter(ExportRequested.class::isInstance)
                                .map(ExportRequested.class::cast)
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private void partReady(UUID exportId, UUID userId, String service) {
        EventEnvelope<ExportPartReady> envelope = EventEnvelope.wrap(new ExportPartReady(
                exportId, userId, service, ExportStorage.partKey(exportId, service), Instant.now()));
        try {
            kafka.send(envelope.topic(), envelope.key(), EventJson.encode(envelope))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(String key, byte[] content) {
        TestS3.client().putObject(p -> p.bucket(TestS3.BUCKET).key(key), RequestBody.fromBytes(content));
    }

    private static byte[] download(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
