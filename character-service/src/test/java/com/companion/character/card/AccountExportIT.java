package com.companion.character.card;

import static com.companion.character.support.CharacterMother.aCharacter;
import static com.companion.character.support.CharacterMother.aPublicCharacter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.character.core.CharacterResponse;
import com.companion.character.support.Api;
import com.companion.character.support.CharacterServiceTest;
import com.companion.character.support.KafkaEvents;
import com.companion.character.support.TestUser;
import com.companion.character.support.Users;
import com.companion.contracts.EventEnvelope;
import com.companion.contracts.EventJson;
import com.companion.contracts.Topics;
import com.companion.contracts.auth.ExportRequested;
import com.companion.contracts.export.ExportPartReady;
import com.companion.platform.export.ExportStorage;
import com.companion.platform.test.KafkaProbe;
import com.companion.platform.test.TestS3;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * character-service's part of a data export: the user's characters with their V3 cards and their
 * favourites, in the bucket (S3Mock over HTTP), announced once on {@code export.parts.v1} even when
 * the request is delivered twice.
 */
@CharacterServiceTest
@ContextConfiguration(initializers = TestS3.Initializer.class)
class AccountExportIT {

    private static final KafkaProbe PARTS = new KafkaProbe(Topics.EXPORT_PARTS);

    @Autowired
    Api api;

    @Autowired
    Users users;

    @AfterAll
    static void closeProbe() {
        PARTS.close();
    }

    @Test
    void theUsersCharactersCardsAndFavouritesAreWrittenAndAnnouncedOnce() {
        TestUser user = users.adult();
        TestUser other = users.adult();
        CharacterResponse mine = api.create(user, aCharacter().named("Nova"));
        CharacterResponse theirs = api.create(other, aPublicCharacter().named("Orion"));
        api.put("/characters/" + theirs.id() + "/favorite", user, Map.of())
                .expectStatus()
                .isNoContent();

        UUID exportId = UUID.randomUUID();
        EventEnvelope<ExportRequested> request =
                KafkaEvents.publish(new ExportRequested(exportId, user.id(), Instant.now()));

        ExportPartReady ready = await().atMost(Duration.ofSeconds(30))
                .until(() -> parts(exportId), parts -> !parts.isEmpty())
                .getFirst();
        assertThat(ready.service()).isEqualTo("character-service");
        assertThat(ready.userId()).isEqualTo(user.id());
        assertThat(ready.key()).isEqualTo(ExportStorage.partKey(exportId, "character-service"));

        JsonNode part = JsonMapper.builder().build().readTree(TestS3.read(ready.key()));
        assertThat(part.path("user_id").asString()).isEqualTo(user.id().toString());
        JsonNode characters = part.path("characters");
        assertThat(characters.size()).as("only the user's own characters").isEqualTo(1);
        assertThat(characters.get(0).path("character").path("id").asString())
                .isEqualTo(mine.id().toString());
        assertThat(characters.get(0).path("character").path("name").asString()).isEqualTo("Nova");
        assertThat(characters.get(0).path("card").path("spec").asString()).isEqualTo("chara_card_v3");
        assertThat(characters.get(0).path("card").path("data").path("name").asString())
                .isEqualTo("Nova");
        assertThat(part.path("favorites").get(0).path("character_id").asString())
                .isEqualTo(theirs.id().toString());

        KafkaEvents.publish(request); // redelivered
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> parts(exportId).size() == 1);
        assertThat(TestS3.keys(ExportStorage.folder(exportId))).containsExactly(ready.key());
    }

    private static List<ExportPartReady> parts(UUID exportId) {
        return PARTS.records().stream()
                .filter(record -> exportId.toString().equals(record.key()))
                .map(record ->
                        (ExportPartReady) EventJson.decode(record.value()).data())
                .toList();
    }
}
