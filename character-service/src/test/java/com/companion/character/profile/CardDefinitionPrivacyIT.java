package com.companion.character.profile;

import static com.companion.character.support.CharacterMother.aCharacter;
import static com.companion.character.support.CharacterMother.aPublicCharacter;
import static org.assertj.core.api.Assertions.assertThat;

import com.companion.character.core.CharacterResponse;
import com.companion.character.support.CharacterMother;
import com.companion.character.support.CharacterServiceTest;
import com.companion.character.support.TestUser;
import com.companion.character.support.WithCharacterTopic;
import com.companion.contracts.character.PersonaCard;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The card's definition (system prompt, post-history instructions, example dialogue, scenario, lorebook,
 * extensions) is the owner's: anyone else sees it only when the owner set export_allowed, while what people
 * browse and chat with (greeting, creator notes, ...) stays visible. The prompt path is unaffected: the snapshot on
 * the characters topic carries the whole card whatever the views show.
 */
@CharacterServiceTest
class CardDefinitionPrivacyIT extends WithCharacterTopic {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<String> SHOWN = List.of(
            "name",
            "description",
            "character_type",
            "sliders",
            "tags",
            "nickname",
            "greeting",
            "alternate_greetings",
            "creator",
            "creator_notes",
            "character_version",
            "nsfw_enabled",
            "visibility",
            "export_allowed");

    @Test
    void whenSomeoneElseReadsAPublicCharacterThenTheDefinitionIsLeftOutUnlessExportIsAllowed() {
        TestUser stranger = users.adult();
        String tag = "t-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = api.create(owner, secretive(aPublicCharacter().tags(tag))).id();

        JsonNode own = body("/characters/" + id, owner);
        assertThat(own.path("system_prompt").asString()).isEqualTo("SECRET SYSTEM PROMPT TEXT");
        assertThat(own.path("lorebook").path("entries").get(0).path("content").asString())
                .isEqualTo("SECRET LORE");
        assertThat(own.path("extensions").path("secret").asString()).isEqualTo("ext");
        assertDefinition(own, true, "the owner's read");
        assertDefinition(body("/characters/mine", owner).path("items").get(0), true, "the owner's list");

        assertDefinition(body("/characters/" + id, stranger), false, "another user's read");
        assertThat(body("/characters/" + id, null))
                .as("an anonymous read is another user's read")
                .isEqualTo(body("/characters/" + id, stranger));
        assertDefinition(catalogueItem(tag, null), false, "the anonymous catalogue");
        assertDefinition(catalogueItem(tag, stranger), false, "a signed-in catalogue");
        api.put("/characters/" + id + "/favorite", stranger, Map.of())
                .expectStatus()
                .isNoContent();
        assertDefinition(body("/characters/favorites", stranger).path("items").get(0), false, "favourites");
        String shown = body("/characters/" + id, stranger).toString();
        assertThat(shown).doesNotContain("SECRET");

        api.put(
                        "/characters/" + id,
                        owner,
                        secretive(aPublicCharacter().tags(tag))
                                .with("export_allowed", true)
                                .forUpdate())
                .expectStatus()
                .isOk();

        JsonNode allowed = body("/characters/" + id, stranger);
        assertDefinition(allowed, true, "another user's read with export allowed");
        assertThat(body("/characters/" + id, null))
                .as("an anonymous read with export allowed")
                .isEqualTo(allowed);
        assertThat(allowed.path("system_prompt").asString()).isEqualTo("SECRET SYSTEM PROMPT TEXT");
        assertDefinition(catalogueItem(tag, null), true, "the anonymous catalogue with export allowed");
        api.get("/characters/" + id + "/export?format=json", stranger)
                .expectStatus()
                .isOk();

        PersonaCard published = topic.awaitSnapshot(id, 1).card();
        assertThat(published).as("the prompt path gets the card from the event").isNotNull();
        assertThat(published.systemPrompt()).isEqualTo("SECRET SYSTEM PROMPT TEXT");
        assertThat(published.postHistoryInstructions()).isEqualTo("SECRET PHI");
        assertThat(published.lorebook())
                .singleElement()
                .satisfies(e -> assertThat(e.content()).isEqualTo("SECRET LORE"));
    }

    @Test
    void whenAGranteeReadsASharedCharacterThenTheDefinitionIsLeftOut() {
        TestUser grantee = users.adult();
        UUID id = api.create(owner, secretive(aCharacter().visibility("shareable")))
                .id();
        api.shareWith(owner, id, grantee);

        assertDefinition(body("/characters/" + id, grantee), false, "a grantee's read");
        assertDefinition(
                body("/characters/shared-with-me", grantee).path("items").get(0), false, "shared with me");
        String link = api.shareLink(owner, id);
        TestUser redeemer = users.adult();
        JsonNode redeemed = JSON.readTree(api.post("/characters/shared/" + link, redeemer, null)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        assertDefinition(redeemed, false, "a redeemed link");
        assertThat(topic.awaitSnapshot(id, 1).card().systemPrompt()).isEqualTo("SECRET SYSTEM PROMPT TEXT");
    }

    private static CharacterMother secretive(CharacterMother character) {
        return character
                .named("Secretive")
                .with("greeting", "Hello there")
                .with("alternate_greetings", List.of("Hi again"))
                .with("scenario", "SECRET SCENARIO")
                .with("example_dialogue", "<START>\nSECRET EXAMPLE")
                .with("system_prompt", "SECRET SYSTEM PROMPT TEXT")
                .with("post_history_instructions", "SECRET PHI")
                .with("creator_notes", "Notes for readers")
                .with("creator", "someone")
                .with("character_version", "1.2")
                .with(
                        "lorebook",
                        Map.of("entries", List.of(Map.of("keys", List.of("vault"), "content", "SECRET LORE"))))
                .with("extensions", Map.of("secret", "ext"));
    }

    private static void assertDefinition(JsonNode character, boolean shown, String where) {
        for (String field : CharacterResponse.DEFINITION) {
            assertThat(character.has(field)).as("%s in %s", field, where).isEqualTo(shown);
        }
        for (String field : SHOWN) {
            assertThat(character.has(field)).as("%s in %s", field, where).isTrue();
        }
        assertThat(character.path("greeting").asString()).as(where).isEqualTo("Hello there");
        assertThat(character.path("creator_notes").asString()).as(where).isEqualTo("Notes for readers");
    }

    private JsonNode catalogueItem(String tag, @Nullable TestUser viewer) {
        JsonNode items = body("/characters/public?tags=" + tag, viewer).path("items");
        assertThat(items.size()).isEqualTo(1);
        return items.get(0);
    }

    private JsonNode body(String uri, @Nullable TestUser viewer) {
        return JSON.readTree(api.get(uri, viewer)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
    }
}
