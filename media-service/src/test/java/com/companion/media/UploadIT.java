package com.companion.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.companion.media.access.MediaRepository;
import com.companion.media.storage.ObjectJanitor;
import com.companion.media.storage.ObjectStorage;
import com.companion.media.storage.PendingObjects;
import com.companion.media.storage.StorageFailure;
import com.companion.media.testing.Exif;
import com.companion.media.testing.MediaClient;
import com.companion.media.testing.MediaClient.Answer;
import com.companion.media.testing.MediaIntegrationTest;
import com.companion.media.testing.TestFiles;
import com.companion.platform.test.TestS3;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.client.RestTestClient;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * What {@code POST /media/upload} stores and what it refuses, seen from outside (HTTP, the bucket,
 * the tables), and that the bucket and the table agree when the store or the database fails.
 */
@MediaIntegrationTest
@TestPropertySource(
        properties = {
            "media.validation.image-max-size=300KB",
            "media.validation.audio-max-size=400KB",
            "media.validation.other-max-size=300KB",
            "spring.servlet.multipart.max-file-size=400KB",
            "spring.servlet.multipart.max-request-size=450KB"
        })
class UploadIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @MockitoSpyBean
    ObjectStorage storage;

    @MockitoSpyBean
    MediaRepository repository;

    @Autowired
    PendingObjects pending;

    @Autowired
    ObjectJanitor janitor;

    MediaClient client;

    @BeforeEach
    void client() {
        client = new MediaClient(http, port);
    }

    @Test
    void aPngComesBackFromItsPresignedUrlWithTheSamePixelsAndAThumbnail() {
        UUID user = UUID.randomUUID();
        BufferedImage original = TestFiles.picture(400, 200, true);

        Answer uploaded = client.upload(user, "image", null, "holiday.png", "image/png", TestFiles.png(original));

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String id = uploaded.text("id");
        assertThat(uploaded.headers().getLocation()).hasToString("/media/" + id);
        assertThat(uploaded.text("mime_type")).isEqualTo("image/png");
        assertThat(uploaded.body().path("width").asInt()).isEqualTo(400);
        assertThat(uploaded.body().path("height").asInt()).isEqualTo(200);
        assertThat(uploaded.text("content_url")).isEqualTo("/media/" + id + "/content");

        Answer fetched = client.get(user, id);
        assertThat(fetched.status()).isEqualTo(200);
        HttpResponse<byte[]> content = MediaClient.fetch(fetched.text("url"));
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(content.body()).hasSize(fetched.body().path("size_bytes").asInt());
        assertSamePixels(TestFiles.decode(content.body()), original);

        BufferedImage thumbnail = TestFiles.decode(
                MediaClient.fetch(fetched.text("thumbnail_url")).body());
        assertThat(thumbnail.getWidth()).isEqualTo(256);
        assertThat(thumbnail.getHeight()).isEqualTo(128);

        List<String> keys = keysUnder("media/" + user + "/");
        assertThat(keys).hasSize(2);
        assertThat(keys).allMatch(k -> k.matches("media/" + user + "/\\d{8}T\\d{6}Z_" + id + "(_thumb)?\\.png"));
        assertThat(keys).noneMatch(k -> k.contains("holiday"));
        assertThat(jdbc.sql("select object_key, thumbnail_key from media where id = :id")
                        .param("id", UUID.fromString(id))
                        .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
                        .single())
                .containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void aJpegWhoseExifHasGpsIsStoredWithoutIt() {
        UUID user = UUID.randomUUID();
        byte[] upload = TestFiles.jpegWithGps(TestFiles.blocks(160, 120), 1);
        assertThat(Exif.contains(upload, Exif.latitudeBytes())).isTrue();

        Answer uploaded = client.upload(user, "image", null, "me.jpg", "image/jpeg", upload);

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        byte[] stored = MediaClient.fetch(uploaded.text("url")).body();
        assertThat(Exif.contains(stored, Exif.latitudeBytes())).isFalse();
        assertThat(Exif.contains(stored, TestFiles.text("Exif"))).isFalse();
        BufferedImage image = TestFiles.decode(stored);
        assertThat(image.getWidth()).isEqualTo(160);
        assertThat(image.getHeight()).isEqualTo(120);
        assertThat(uploaded.text("mime_type")).isEqualTo("image/jpeg");
    }

    @Test
    void audioIsStoredAsUploadedAndServedAsADownload() {
        UUID user = UUID.randomUUID();
        byte[] wav = TestFiles.wav();

        Answer uploaded = client.upload(user, "audio", null, "voice.mp3", "audio/mpeg", wav);

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.text("mime_type")).isEqualTo("audio/wav");
        assertThat(uploaded.body().path("thumbnail_url").isNull()).isTrue();
        HttpResponse<byte[]> content = MediaClient.fetch(uploaded.text("url"));
        assertThat(content.body()).isEqualTo(wav);
        assertThat(content.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
        assertThat(keysUnder("media/" + user + "/")).singleElement().asString().endsWith(".wav");
    }

    @Test
    void aTextFileNamedPngIsJudgedByItsBytes() {
        UUID user = UUID.randomUUID();

        Answer refused = client.upload(user, "image", null, "cat.png", "image/png", TestFiles.text("not a picture"));

        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.problemType()).isEqualTo("/problems/unsupported-media-type");
        assertThat(refused.text("detected_type")).isEqualTo("text/plain");
        assertNothingStoredFor(user);
    }

    @Test
    void polyglotsAreRefused() {
        UUID user = UUID.randomUUID();
        byte[] gifThenHtml = TestFiles.concat(
                TestFiles.gif(TestFiles.blocks(20, 20)), TestFiles.text("<html><script>alert(1)</script>"));
        byte[] gifHeaderScript = TestFiles.text("GIF89a/*<script>alert(document.cookie)</script>*/");
        byte[] pngThenZip =
                TestFiles.concat(TestFiles.png(TestFiles.blocks(20, 20)), TestFiles.zip("run.js", "alert(1)"));

        for (byte[] polyglot : List.of(gifThenHtml, gifHeaderScript, pngThenZip)) {
            Answer refused = client.upload(user, "image", null, "innocent.gif", "image/gif", polyglot);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.problemType()).isEqualTo("/problems/active-content");
        }
        assertNothingStoredFor(user);
    }

    @Test
    void anSvgWithScriptIsRefused() {
        UUID user = UUID.randomUUID();

        Answer refused =
                client.upload(user, "image", null, "logo.png", "image/png", TestFiles.text(TestFiles.SVG_WITH_SCRIPT));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problemType()).isEqualTo("/problems/active-content");
        assertNothingStoredFor(user);
    }

    @Test
    void aTinyPngClaimingFiftyThousandSquaredPixelsIsRefused() {
        UUID user = UUID.randomUUID();

        Answer refused =
                client.upload(user, "image", null, "bomb.png", "image/png", TestFiles.pixelBombPng(50_000, 50_000));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problemType()).isEqualTo("/problems/image-too-large");
        assertThat(refused.body().path("max_pixels").asLong()).isEqualTo(40_000_000L);
        assertNothingStoredFor(user);
    }

    @Test
    void anImageOverItsKindsLimitIsA413() {
        UUID user = UUID.randomUUID();
        byte[] big = TestFiles.noisePng(330, 330);
        assertThat(big.length).isBetween(300 * 1024, 400 * 1024);

        Answer refused = client.upload(user, "image", null, "big.png", "image/png", big);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.problemType()).isEqualTo("/problems/too-large");
        assertThat(refused.body().path("limit_bytes").asLong()).isEqualTo(300 * 1024L);
        assertNothingStoredFor(user);
    }

    @Test
    void anUploadOverTheServersMultipartLimitIsA413Problem() {
        UUID user = UUID.randomUUID();

        Answer refused = client.upload(user, "audio", null, "long.wav", "audio/wav", new byte[420 * 1024]);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.problemType()).isEqualTo("/problems/too-large");
        assertNothingStoredFor(user);
    }

    @Test
    void anAvatarNeedsACharacterAndOtherKindsMayNotHaveOne() {
        UUID user = UUID.randomUUID();
        byte[] png = TestFiles.png(TestFiles.blocks(20, 20));

        Answer noCharacter = client.upload(user, "avatar", null, "a.png", "image/png", png);
        Answer strayCharacter = client.upload(user, "image", UUID.randomUUID(), "a.png", "image/png", png);
        Answer badKind = client.upload(user, "video", null, "a.png", "image/png", png);

        assertThat(noCharacter.status()).isEqualTo(400);
        assertThat(noCharacter.body().path("errors").get(0).path("field").asString())
                .isEqualTo("character_id");
        assertThat(strayCharacter.status()).isEqualTo(400);
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.body().path("errors").get(0).path("field").asString())
                .isEqualTo("kind");
        assertNothingStoredFor(user);
    }

    @Test
    void whenTheStoreFailsHalfwayNoRowIsWrittenAndWhatWasWrittenIsDeleted() {
        UUID user = UUID.randomUUID();
        doThrow(new StorageFailure(new IllegalStateException("store down")))
                .when(storage)
                .put(argThat(object -> object.key().endsWith("_thumb.png")));

        Answer failed =
                client.upload(user, "image", null, "a.png", "image/png", TestFiles.png(TestFiles.blocks(40, 40)));

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.problemType()).isEqualTo("/problems/storage-unavailable");
        // at least once: the test's HTTP client (Apache HttpClient 5) retries a 503 by itself
        verify(storage, atLeastOnce()).put(argThat(object -> !object.key().endsWith("_thumb.png")));
        assertNothingStoredFor(user);
    }

    @Test
    void whenTheRowCannotBeWrittenTheObjectsAreDeleted() {
        UUID user = UUID.randomUUID();
        doThrow(new DataAccessResourceFailureException("database down"))
                .when(repository)
                .insert(any());

        Answer failed =
                client.upload(user, "image", null, "a.png", "image/png", TestFiles.png(TestFiles.blocks(40, 40)));

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.text("detail")).doesNotContain("database");
        verify(storage, times(2)).put(any());
        assertNothingStoredFor(user);
        assertThat(outboxRows()).noneMatch(payload -> payload.contains(user.toString()));
    }

    @Test
    void objectsLeftByACrashAreSweptOnceTheirGraceHasPassed() {
        String orphan = "media/" + UUID.randomUUID() + "/20260101T000000Z_" + UUID.randomUUID() + ".png";
        String inFlight = "media/" + UUID.randomUUID() + "/20260101T000000Z_" + UUID.randomUUID() + ".png";
        for (String key : List.of(orphan, inFlight)) {
            TestS3.client()
                    .putObject(put -> put.bucket(TestS3.BUCKET).key(key), RequestBody.fromBytes(new byte[] {1, 2, 3}));
        }
        pending.expect(List.of(orphan), Duration.ZERO);
        pending.expect(List.of(inFlight), Duration.ofHours(1));

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            janitor.sweep();
            return keysUnder(orphan).isEmpty();
        });

        assertThat(keysUnder(inFlight)).containsExactly(inFlight);
        assertThat(jdbc.sql("select object_key from pending_object where object_key in (:keys)")
                        .param("keys", List.of(orphan, inFlight))
                        .query(String.class)
                        .list())
                .containsExactly(inFlight);
    }

    @Test
    void theApiIsDescribed() {
        byte[] docs = http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();

        String json = new String(docs, StandardCharsets.UTF_8);
        assertThat(json).contains("/media/upload", "/media/presigned-upload", "/media/{id}/content", "size_bytes");
    }

    private void assertNothingStoredFor(UUID user) {
        assertThat(keysUnder("media/" + user + "/")).isEmpty();
        assertThat(jdbc.sql("select count(*) from media where owner_id = :user")
                        .param("user", user)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from pending_object where object_key like :prefix")
                        .param("prefix", "media/" + user + "/%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private List<String> outboxRows() {
        return jdbc.sql("select coalesce(payload, '') from platform_outbox")
                .query(String.class)
                .list();
    }

    private static List<String> keysUnder(String prefix) {
        return TestS3.keys(prefix);
    }

    static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
        int w = expected.getWidth();
        int h = expected.getHeight();
        assertThat(actual.getWidth()).isEqualTo(w);
        assertThat(actual.getHeight()).isEqualTo(h);
        assertThat(actual.getRGB(0, 0, w, h, null, 0, w)).isEqualTo(expected.getRGB(0, 0, w, h, null, 0, w));
    }
}
