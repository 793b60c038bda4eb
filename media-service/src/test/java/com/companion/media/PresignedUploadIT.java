package com.companion.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.contracts.media.MediaUploaded;
import com.companion.media.testing.Exif;
import com.companion.media.testing.MediaClient;
import com.companion.media.testing.MediaClient.Answer;
import com.companion.media.testing.MediaEvents;
import com.companion.media.testing.MediaIntegrationTest;
import com.companion.media.testing.TestFiles;
import com.companion.platform.test.TestS3;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** Direct uploads to the store: offered with a presigned PUT, then validated like any upload on completion. */
@MediaIntegrationTest
class PresignedUploadIT {

    static final MediaEvents events = new MediaEvents();

    @Autowired
    RestTestClient http;

    @LocalServerPort
    int port;

    MediaClient client;

    @BeforeEach
    void client() {
        client = new MediaClient(http, port);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void anUploadedJpegIsValidatedReencodedAndMovedOutOfQuarantine() {
        UUID user = UUID.randomUUID();
        byte[] jpeg = TestFiles.jpegWithGps(TestFiles.blocks(200, 100), 1);

        Answer offer = offer(user, "image", "image/jpeg", jpeg.length);
        assertThat(offer.status()).as(offer.toString()).isEqualTo(201);
        assertThat(offer.text("method")).isEqualTo("PUT");
        assertThat(offer.body().path("headers").path("content-type").asString()).isEqualTo("image/jpeg");
        assertThat(Instant.parse(offer.text("expires_at"))).isAfter(Instant.now());
        String uploadId = offer.text("upload_id");

        assertThat(put(offer.body(), jpeg).statusCode()).isEqualTo(200);
        assertThat(TestS3.keys("quarantine/" + user + "/")).containsExactly("quarantine/" + user + "/" + uploadId);

        Answer completed = client.complete(user, uploadId);

        assertThat(completed.status()).as(completed.toString()).isEqualTo(201);
        UUID id = UUID.fromString(completed.text("id"));
        byte[] stored = MediaClient.fetch(completed.text("url")).body();
        assertThat(Exif.contains(stored, Exif.latitudeBytes())).isFalse();
        BufferedImage image = TestFiles.decode(stored);
        assertThat(image.getWidth()).isEqualTo(200);
        assertThat(image.getHeight()).isEqualTo(100);
        assertThat(TestS3.keys("quarantine/" + user + "/")).isEmpty();
        assertThat(TestS3.keys("media/" + user + "/")).hasSize(2);
        MediaUploaded event = events.await(
                        e -> e instanceof MediaUploaded m && m.mediaId().equals(id) ? m : null)
                .event();
        assertThat(event.ownerId()).isEqualTo(user);
        assertThat(event.sizeBytes()).isEqualTo(stored.length);

        Answer again = client.complete(user, uploadId);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("id")).isEqualTo(id.toString());
        assertThat(client.complete(UUID.randomUUID(), uploadId).status()).isEqualTo(404);
    }

    @Test
    void hostileBytesAreRefusedOnCompletionAndTheirQuarantineIsEmptied() {
        UUID user = UUID.randomUUID();
        byte[] svg = TestFiles.text(TestFiles.SVG_WITH_SCRIPT);
        Answer offer = offer(user, "image", "image/png", svg.length);
        put(offer.body(), svg);

        Answer refused = client.complete(user, offer.text("upload_id"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problemType()).isEqualTo("/problems/active-content");
        assertThat(TestS3.keys("quarantine/" + user + "/")).isEmpty();
        assertThat(TestS3.keys("media/" + user + "/")).isEmpty();
        assertThat(client.complete(user, offer.text("upload_id")).status()).isEqualTo(404);
    }

    @Test
    void bytesOfAnotherTypeOrSizeThanDeclaredAreRefused() {
        UUID user = UUID.randomUUID();
        byte[] gif = TestFiles.gif(TestFiles.blocks(20, 20));
        Answer declaredPng = offer(user, "image", "image/png", gif.length);
        put(declaredPng.body(), gif);
        Answer declaredSmaller = offer(user, "image", "image/gif", gif.length - 10);
        put(declaredSmaller.body(), gif);

        Answer wrongType = client.complete(user, declaredPng.text("upload_id"));
        Answer wrongSize = client.complete(user, declaredSmaller.text("upload_id"));

        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(wrongType.problemType()).isEqualTo("/problems/type-mismatch");
        assertThat(wrongSize.status()).isEqualTo(422);
        assertThat(wrongSize.problemType()).isEqualTo("/problems/size-mismatch");
        assertThat(TestS3.keys("quarantine/" + user + "/")).isEmpty();
    }

    @Test
    void completingBeforeAnythingWasUploadedIsAConflictAndTheOfferStaysOpen() {
        UUID user = UUID.randomUUID();
        byte[] png = TestFiles.png(TestFiles.blocks(20, 20));
        Answer offer = offer(user, "image", "image/png", png.length);

        Answer early = client.complete(user, offer.text("upload_id"));

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.problemType()).isEqualTo("/problems/upload-missing");
        put(offer.body(), png);
        assertThat(client.complete(user, offer.text("upload_id")).status()).isEqualTo(201);
    }

    @Test
    void offersAreBoundedBeforeAnyUrlIsSigned() {
        UUID user = UUID.randomUUID();

        Answer svg = offer(user, "image", "image/svg+xml", 100);
        Answer huge = offer(user, "image", "image/png", 50L * 1024 * 1024);
        Answer avatarOfNobody = client.offer(user, """
                {"kind": "avatar", "content_type": "image/png", "size_bytes": 100, "character_id": "%s"}
                """.formatted(UUID.randomUUID()));
        Answer unknownField = client.offer(user, """
                {"kind": "image", "content_type": "image/png", "size_bytes": 100, "key": "avatars/../x"}
                """);

        assertThat(svg.status()).isEqualTo(415);
        assertThat(svg.body().path("allowed_types").toString())
                .contains("image/png")
                .doesNotContain("svg");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(avatarOfNobody.status()).isEqualTo(404);
        assertThat(unknownField.status()).isEqualTo(400);
    }

    private Answer offer(UUID user, String kind, String contentType, long size) {
        return client.offer(user, """
                {"kind": "%s", "content_type": "%s", "size_bytes": %d}
                """.formatted(kind, contentType, size));
    }

    /** What the client does with an offer: a PUT straight to the store, with the signed headers. */
    private static HttpResponse<byte[]> put(JsonNode offer, byte[] bytes) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(offer.path("url").asString()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        for (Map.Entry<String, JsonNode> header : offer.path("headers").properties()) {
            if (!List.of("content-length", "host").contains(header.getKey().toLowerCase())) {
                request.header(header.getKey(), header.getValue().asString());
            }
        }
        return MediaClient.send(request.build());
    }
}
