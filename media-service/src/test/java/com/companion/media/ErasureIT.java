package com.companion.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.contracts.auth.UserDeleted;
import com.companion.contracts.character.Visibility;
import com.companion.media.characters.CharacterDirectory;
import com.companion.media.characters.CharacterRef;
import com.companion.media.testing.Characters;
import com.companion.media.testing.MediaClient;
import com.companion.media.testing.MediaClient.Answer;
import com.companion.media.testing.MediaIntegrationTest;
import com.companion.media.testing.TestFiles;
import com.companion.platform.test.TestS3;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** auth.user-deleted erases the user's media rows, their objects in the bucket and unfinished uploads. */
@MediaIntegrationTest
class ErasureIT {

    static final Characters characters = new Characters();

    @Autowired
    RestTestClient http;

    @Autowired
    CharacterDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    MediaClient client;

    @BeforeEach
    void client() {
        client = new MediaClient(http, port);
    }

    @AfterAll
    static void close() {
        characters.close();
    }

    @Test
    void aDeletedUsersMediaRowsObjectsAndUploadsAreErasedAndOthersStay() {
        UUID leaving = UUID.randomUUID();
        UUID staying = UUID.randomUUID();
        UUID character = character(leaving);
        upload(leaving, "image", null);
        upload(leaving, "avatar", character);
        upload(staying, "image", null);
        byte[] png = TestFiles.png(TestFiles.blocks(16, 16));
        Answer offer = client.offer(leaving, """
                {"kind": "image", "content_type": "image/png", "size_bytes": %d}
                """.formatted(png.length));
        assertThat(offer.status()).as(offer.toString()).isEqualTo(201);
        put(offer.body(), png);
        assertThat(TestS3.keys("media/" + leaving + "/")).isNotEmpty();
        assertThat(TestS3.keys("avatars/" + character + "/")).isNotEmpty();
        assertThat(TestS3.keys("quarantine/" + leaving + "/")).hasSize(1);

        characters.publish(new UserDeleted(leaving));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from media where owner_id = :u", leaving) == 0);
        assertThat(count("select count(*) from presigned_upload where owner_id = :u", leaving))
                .isZero();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestS3.keys("media/" + leaving + "/").isEmpty()
                        && TestS3.keys("avatars/" + character + "/").isEmpty()
                        && TestS3.keys("quarantine/" + leaving + "/").isEmpty());
        assertThat(count("select count(*) from media where owner_id = :u", staying))
                .isEqualTo(1);
        assertThat(TestS3.keys("media/" + staying + "/")).isNotEmpty();
    }

    private int count(String sql, UUID user) {
        return jdbc.sql(sql).param("u", user).query(Integer.class).single();
    }

    private UUID character(UUID owner) {
        UUID id = characters.publish(owner, Visibility.PRIVATE, false);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> directory.find(id).map(CharacterRef::ownerId).orElse(null), owner::equals);
        return id;
    }

    private void upload(UUID owner, String kind, UUID character) {
        Answer uploaded =
                client.upload(owner, kind, character, "x.png", "image/png", TestFiles.png(TestFiles.blocks(32, 32)));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    }

    private static void put(JsonNode offer, byte[] bytes) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(offer.path("url").asString()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        for (Map.Entry<String, JsonNode> header : offer.path("headers").properties()) {
            if (!List.of("content-length", "host").contains(header.getKey().toLowerCase())) {
                request.header(header.getKey(), header.getValue().asString());
            }
        }
        assertThat(MediaClient.send(request.build()).statusCode()).isEqualTo(200);
    }
}
