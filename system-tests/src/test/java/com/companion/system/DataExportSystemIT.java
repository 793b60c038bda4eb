package com.companion.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.system.Api.Response;
import com.companion.system.Api.User;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A data export through the gateway: after creating a character, chatting and uploading a picture,
 * {@code POST /auth/me/export} starts a job that every service answers through Kafka, and the zip
 * behind the presigned URL holds the profile and each service's part (with the picture itself); the
 * owner gets a mail, and nobody else sees the job.
 */
@ExtendWith(Stack.class)
class DataExportSystemIT {

    @Test
    void theZipHoldsTheProfileCharactersConversationMediaAndAdHistory() throws Exception {
        User user = Api.signup(33);
        UUID character = Characters.create(user, "private", false);
        UUID session = ChatSystemIT.session(user, character);
        JsonNode reply = ChatSystemIT.send(user, session, "Tell me about the Pleiades");
        byte[] picture = MediaSystemIT.png(40, 30);
        Response image = Api.upload("/media/upload", user, Map.of("kind", "image"), "me.png", "image/png", picture);
        assertThat(image.status()).as(image.raw()).isEqualTo(201);
        String mediaId = image.json().path("id").asString();

        Response started = Api.post("/auth/me/export", user, Map.of());
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        String exportId = started.json().path("id").asString();

        JsonNode ready = await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> Api.get("/auth/me/export/" + exportId, user).json(),
                        status -> !"pending".equals(status.path("status").asString()));
        assertThat(ready.path("status").asString()).as(ready.toString()).isEqualTo("ready");

        Map<String, byte[]> zip = unzip(Api.download(ready.path("url").asString()));
        assertThat(zip.keySet())
                .contains(
                        "README.txt",
                        "profile.json",
                        "character-service.json",
                        "chat-service.json",
                        "media-service.json",
                        "ad-service.json");

        assertThat(json(zip, "profile.json").path("email").asString()).isEqualTo(user.email());
        JsonNode characters = json(zip, "character-service.json").path("characters");
        assertThat(characters.size()).isEqualTo(1);
        assertThat(characters.get(0).path("character").path("id").asString()).isEqualTo(character.toString());
        assertThat(characters.get(0).path("card").path("spec").asString()).isEqualTo("chara_card_v3");

        JsonNode sessions = json(zip, "chat-service.json").path("sessions");
        assertThat(sessions.size()).isEqualTo(1);
        assertThat(sessions.get(0).path("id").asString()).isEqualTo(session.toString());
        assertThat(sessions.get(0).path("messages").toString())
                .contains("Tell me about the Pleiades")
                .contains(reply.path("message_id").asString());

        JsonNode media = json(zip, "media-service.json").path("media");
        assertThat(media.size()).isEqualTo(1);
        assertThat(media.get(0).path("id").asString()).isEqualTo(mediaId);
        byte[] file = zip.get(media.get(0).path("file").asString());
        assertThat(file).as("the picture itself is in the zip").isNotNull();
        assertThat(file).hasSize((int) media.get(0).path("size_bytes").asLong());

        JsonNode counters = json(zip, "ad-service.json").path("sessions");
        assertThat(counters.size()).isEqualTo(1);
        assertThat(counters.get(0).path("session_id").asString()).isEqualTo(session.toString());
        assertThat(counters.get(0).path("replies").asLong()).isEqualTo(1);

        assertThat(AccountLifecycleSystemIT.awaitMail(user.email(), "Your data export is ready"))
                .contains("/app/account/export?id=" + exportId);
        assertThat(Api.get("/auth/me/export/" + exportId, Api.signup(35)).status())
                .isEqualTo(404);
    }

    private static JsonNode json(Map<String, byte[]> zip, String name) {
        assertThat(zip).containsKey(name);
        return Api.JSON.readTree(new String(zip.get(name), StandardCharsets.UTF_8));
    }

    private static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
