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
