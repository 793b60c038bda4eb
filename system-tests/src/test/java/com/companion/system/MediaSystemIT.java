package com.companion.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.system.Api.Response;
import com.companion.system.Api.User;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Stack.class)
class MediaSystemIT {

    @Test
    void anUploadedImageComesBackThroughAPresignedUrlAndOnlyToItsOwner() throws IOException {
        User owner = Api.signup(24);
        User stranger = Api.signup(24);
        Response uploaded =
                Api.upload("/media/upload", owner, Map.of("kind", "image"), "holiday.png", "image/png", png(64, 48));
        assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(201);
        String id = uploaded.json().path("id").asString();
        assertThat(uploaded.json().path("mime_type").asString()).isEqualTo("image/png");

        Response fetched = Api.get("/media/" + id, owner);
        assertThat(fetched.status()).isEqualTo(200);
        BufferedImage image = ImageIO.read(
                new ByteArrayInputStream(Api.download(fetched.json().path("url").asString())));
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(48);

        assertThat(Api.get("/media/" + id, stranger).status()).isEqualTo(404);
        assertThat(Api.delete("/media/" + id, stranger).status()).isEqualTo(404);
    }

    @Test
    void aFileIsJudgedByItsBytesNotItsName() {
        User owner = Api.signup(24);
        Response fake = Api.upload(
                "/media/upload",
                owner,
                Map.of("kind", "image"),
                "cat.png",
                "image/png",
                "<html><script>alert(1)</script></html>".getBytes());
        assertThat(fake.status()).isBetween(400, 422);
        assertThat(fake.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anAvatarUploadBecomesTheCharactersAvatar() throws IOException {
        User owner = Api.signup(24);
        UUID character = Characters.create(owner, "private", false);
        byte[] avatar = png(32, 32);
        // media-service learns of the new character from its event, a moment after it is created.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .until(() -> Api.upload(
                                        "/media/upload",
                                        owner,
                                        Map.of("kind", "avatar", "character_id", character.toString()),
                                        "me.png",
                                        "image/png",
                                        avatar)
                                .status()
                        == 201);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .until(() -> !Api.get("/characters/" + character, owner)
                        .json()
                        .path("avatar_url")
                        .isNull());
        User stranger = Api.signup(24);
        assertThat(Api.upload(
                                "/media/upload",
                                stranger,
                                Map.of("kind", "avatar", "character_id", character.toString()),
                                "x.png",
                                "image/png",
                                png(8, 8))
                        .status())
                .isEqualTo(404);
    }

    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, (x * 4) << 16 | (y * 4) << 8 | 128);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
