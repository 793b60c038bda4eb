package com.companion.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.system.Api.Response;
import com.companion.system.Api.User;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Stack.class)
class CharactersSystemIT {

    @Test
    void aCharacterKeepsItsSlidersAndOnlyItsOwnerChangesIt() {
        User owner = Api.signup(28);
        User stranger = Api.signup(28);
        UUID id = Characters.create(owner, "private", false);

        Response read = Api.get("/characters/" + id, owner);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("sliders").path("humor").asInt()).isEqualTo(80);
        assertThat(read.json().path("sliders").path("shyness").asInt()).isEqualTo(50);

        assertThat(Api.get("/characters/" + id, stranger).status()).isEqualTo(404);
        Map<String, Object> update = Map.of(
                "name",
                "Mine now",
                "description",
                "Taken over.",
                "character_type",
                "friend",
                "visibility",
                "private",
                "tags",
                List.of(),
                "sliders",
                Map.of());
        assertThat(Api.put("/characters/" + id, stranger, update).status()).isEqualTo(404);
        assertThat(Api.delete("/characters/" + id, stranger).status()).isEqualTo(404);
        assertThat(Api.get("/characters/mine", owner).json().path("items").toString())
                .contains(id.toString());
    }

    /** A V2 card inside a PNG: imported through the gateway, and its image becomes the avatar through media-service. */
    @Test
    void anImportedPngCardBecomesACharacterWithTheImageAsItsAvatar() throws Exception {
        User owner = Api.signup(28);
        String card = Api.JSON.writeValueAsString(Map.of(
                "spec",
                "chara_card_v2",
                "spec_version",
                "2.0",
                "data",
                Map.of(
                        "name", "Imported Ivy",
                        "description", "A botanist who talks to her ferns.",
                        "first_mes", "Oh! Mind the fern.",
                        "tags", List.of("Slice of Life"))));

        Response imported =
                Api.upload("/characters/import", owner, Map.of(), "ivy.png", "image/png", pngWithText("chara", card));

        assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
        assertThat(imported.json().path("name").asString()).isEqualTo("Imported Ivy");
        assertThat(imported.json().path("greeting").asString()).isEqualTo("Oh! Mind the fern.");
        String id = imported.json().path("id").asString();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(Api.get("/characters/" + id, owner)
                                .json()
                                .path("avatar_url")
                                .asString(""))
                        .as("the card's image, uploaded to media-service as the avatar")
                        .isNotBlank());
    }

    /** A 16×16 PNG with a tEXt chunk {@code keyword} holding {@code text} in base64, as card tools write it. */
    private static byte[] pngWithText(String keyword, String text) throws java.io.IOException {
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", plain);
        byte[] png = plain.toByteArray();
        byte[] data = (keyword + "\0"
                        + java.util.Base64.getEncoder()
                                .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.io.ByteArrayOutputStream chunk = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(chunk);
        out.writeInt(data.length);
        byte[] typeAndData = new byte[4 + data.length];
        System.arraycopy("tEXt".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, typeAndData, 0, 4);
        System.arraycopy(data, 0, typeAndData, 4, data.length);
        out.write(typeAndData);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(typeAndData);
        out.writeInt((int) crc.getValue());
        int iend = png.length - 12; // the IEND chunk: length, type, CRC
        java.io.ByteArrayOutputStream result = new java.io.ByteArrayOutputStream();
        result.write(png, 0, iend);
        result.write(chunk.toByteArray());
        result.write(png, iend, 12);
        return result.toByteArray();
    }

    @Test
    void adultCharactersNeverReachMinorsOrAnonymousCallers() {
        User adult = Api.signup(30);
        User minor = Api.signup(15);
        String name = "Velvet " + UUID.randomUUID().toString().substring(0, 6);
        UUID adultCharacter = Characters.create(adult, name, "public", true, List.of("night"));

        assertThat(Api.post(
                                "/characters",
                                minor,
                                Map.of(
                                        "name",
                                        "Nope",
                                        "description",
                                        "x",
                                        "character_type",
                                        "friend",
                                        "visibility",
                                        "private",
                                        "nsfw_enabled",
                                        true))
                        .status())
                .isBetween(400, 403);
        assertThat(Api.get("/characters/" + adultCharacter, minor).status()).isEqualTo(404);
        String query = "/characters/public?q=" + name.replace(' ', '+');
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        Api.get(query, adult).json().path("items").toString().contains(adultCharacter.toString()));
        assertThat(Api.get(query, minor).json().path("items").toString()).doesNotContain(adultCharacter.toString());
        assertThat(Api.get(query, null).json().path("items").toString()).doesNotContain(adultCharacter.toString());
        assertThat(Api.post("/sessions", minor, Map.of("character_id", adultCharacter.toString()))
                        .status())
                .isEqualTo(404);
    }

    /**
     * A correction below 18 counts from the answer on: the next request, with the access token issued before it (which
     * still says adult), finds no adult character. The services learn of it by event; the correction's answer waits
     * for them.
     */
    @Test
    void anAgeCorrectedBelowEighteenHidesAdultCharactersFromTheVeryNextRequest() {
        User adult = Api.signup(30);
        User reader = Api.signup(25);
        UUID adultCharacter = Characters.create(
                adult, "Velvet " + UUID.randomUUID().toString().substring(0, 6), "public", true, List.of("night"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Api.get("/characters/" + adultCharacter, reader).status() == 200);

        assertThat(Api.patch("/auth/me", reader, Map.of("age", 16)).status()).isEqualTo(200);

        assertThat(Api.get("/characters/" + adultCharacter, reader).status())
                .as("the next request, with the token issued before the correction")
                .isEqualTo(404);
        assertThat(Api.post("/sessions", reader, Map.of("character_id", adultCharacter.toString()))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aShareLinkGrantsAccessUntilItIsRevoked() {
        User owner = Api.signup(33);
        User friend = Api.signup(33);
        User late = Api.signup(33);
        UUID id = Characters.create(owner, "shareable", false);
        assertThat(Api.get("/characters/" + id, friend).status()).isEqualTo(404);

        Response link = Api.post("/characters/" + id + "/share", owner, Map.of("link", true, "expires_in_hours", 24));
        assertThat(link.status()).isEqualTo(201);
        String token = link.json().path("token").asString();
        assertThat(Api.post("/characters/shared/" + token, friend, Map.of()).status())
                .isEqualTo(200);
        assertThat(Api.get("/characters/" + id, friend).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Api.post("/sessions", friend, Map.of("character_id", id.toString()))
                                .status()
                        == 201);

        assertThat(Api.delete("/characters/" + id + "/share-links/" + token, owner)
                        .status())
                .isEqualTo(204);
        assertThat(Api.post("/characters/shared/" + token, late, Map.of()).status())
                .isEqualTo(404);
        assertThat(Api.delete("/characters/" + id + "/share-links/" + token, friend)
                        .status())
                .isEqualTo(404);
    }
}
