package com.companion.character.profile;

import static com.companion.character.support.CharacterMother.aCharacter;
import static com.companion.character.support.CharacterMother.aPublicCharacter;
import static org.assertj.core.api.Assertions.assertThat;

import com.companion.character.catalogue.CharacterPage;
import com.companion.character.core.CharacterResponse;
import com.companion.character.support.Api;
import com.companion.character.support.CharacterServiceTest;
import com.companion.character.support.TestUser;
import com.companion.character.support.Users;
import com.companion.contracts.character.CharacterType;
import com.companion.contracts.character.Sliders;
import com.companion.contracts.character.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

@CharacterServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CharacterProfileIT {

    @Autowired
    Api api;

    @Autowired
    Users users;

    TestUser owner;
    TestUser stranger;

    @BeforeAll
    void seedUsers() {
        owner = users.adult();
        stranger = users.adult();
    }

    @Test
    void whenCreatedWithOnlyTheRequiredFieldsThenEverythingElseTakesItsDefault() {
        CharacterResponse created = api.post(
                        "/characters",
                        owner,
                        aCharacter().without("description").named("  Nova  ").build())
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches("Location", "/characters/[0-9a-f-]{36}")
                .expectBody(CharacterResponse.class)
                .returnResult()
                .getResponseBody();

        assertThat(created.name()).isEqualTo("Nova");
        assertThat(created.description()).isEmpty();
        assertThat(created.ownerId()).isEqualTo(owner.id());
        assertThat(created.characterType()).isEqualTo(CharacterType.FRIEND);
        assertThat(created.sliders()).isEqualTo(Sliders.defaults());
        assertThat(created.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(created.tags()).isEmpty();
        assertThat(created.nsfwEnabled()).isFalse();
        assertThat(created.avatarUrl()).isNull();
        assertThat(created.granteeIds()).isEmpty();
        assertThat(api.read(owner, created.id())).isEqualTo(created);
    }

    @Test
    void whenSomeoneElseReadsACharacterThenTheModerationFieldsAreTheOwnersAlone() {
        CharacterResponse created = api.create(owner, aPublicCharacter());

        api.get("/characters/" + created.id(), stranger)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo(created.name())
                .jsonPath("$.moderation_status")
                .doesNotExist()
                .jsonPath("$.moderation_reason")
                .doesNotExist();
        api.get("/characters/" + created.id(), owner)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.moderation_status")
                .isEqualTo("ok");
    }

    @Test
    void whenSomeSlidersAreGivenThenTheMissingOnesAreFifty() {
        CharacterResponse created = api.create(
                owner, aCharacter().slider("humor", 90).slider("shyness", 0).slider("sarcasm", 100));

        assertThat(created.sliders()).isEqualTo(new Sliders(0, 50, 90, 50, 50, 100, 50));
    }

    @Test
    void whenASliderIsUnknownOutOfRangeOrNotAnIntegerThenTheAnswerNamesIt() {
        expectFieldError(aCharacter().slider("charm", 50).build(), "sliders.charm");
        expectFieldError(aCharacter().slider("humor", 101).build(), "sliders.humor");
        expectFieldError(aCharacter().slider("boldness", -1).build(), "sliders.boldness");
        expectFieldError(aCharacter().slider("affection", 50.5).build(), "sliders.affection");
        expectFieldError(aCharacter().slider("positivity", "50").build(), "sliders.positivity");
    }

    @Test
    void whenTagsAreMessyThenTheyAreTrimmedLowercasedAndDeduplicated() {
        CharacterResponse created = api.create(owner, aCharacter().tags(" Sci-Fi ", "sci-fi", "ANIME", "retro-80s"));

        assertThat(created.tags()).containsExactly("sci-fi", "anime", "retro-80s");
    }

    @Test
    void whenTagsBreakTheRulesThenTheAnswerNamesTheTag() {
        expectFieldError(aCharacter().tags("ok", "not ok").build(), "tags[1]");
        expectFieldError(aCharacter().tags("x".repeat(25)).build(), "tags[0]");
        expectFieldError(aCharacter().tags("café").build(), "tags[0]");
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("tag-" + i);
        }
        expectFieldError(aCharacter().with("tags", eleven).build(), "tags");
    }

    @Test
    void whenNameOrDescriptionIsOutOfBoundsThenTheAnswerNamesTheField() {
        expectFieldError(aCharacter().named("   ").build(), "name");
        expectFieldError(aCharacter().named("n".repeat(61)).build(), "name");
        expectFieldError(aCharacter().named("Luna\u0000").build(), "name");
        expectFieldError(aCharacter().describedAs("d".repeat(2001)).build(), "description");
        expectFieldError(aCharacter().ofType("pirate").build(), "character_type");
        expectFieldError(aCharacter().visibility("friends-only").build(), "visibility");
        expectFieldError(aCharacter().with("mood", "happy").build(), "mood");
        expectFieldError(aCharacter().without("character_type").build(), "character_type");

        CharacterResponse longest = api.create(
                owner, aCharacter().named("n".repeat(60)).describedAs("line one\nline two\t" + "d".repeat(1980)));
        assertThat(longest.name()).hasSize(60);
    }

    @Test
    void whenTheOwnerUpdatesThenTheCharacterIsReplacedAndOthersGet404() {
        CharacterResponse created = api.create(owner, aCharacter().tags("old").slider("humor", 10));
        String uri = "/characters/" + created.id();
        var update = aCharacter()
                .named("Luna II")
                .describedAs("Now a mentor.")
                .ofType("mentor")
                .visibility("shareable")
                .tags("new")
                .slider("boldness", 80);

        api.put(uri, stranger, update.forUpdate()).expectStatus().isNotFound();
        api.delete(uri, stranger).expectStatus().isNotFound();
        CharacterResponse updated = api.put(uri, owner, update.forUpdate())
                .expectStatus()
                .isOk()
                .expectBody(CharacterResponse.class)
                .returnResult()
                .getResponseBody();

        assertThat(updated.name()).isEqualTo("Luna II");
        assertThat(updated.characterType()).isEqualTo(CharacterType.MENTOR);
        assertThat(updated.visibility()).isEqualTo(Visibility.SHAREABLE);
        assertThat(updated.tags()).containsExactly("new");
        assertThat(updated.sliders()).isEqualTo(new Sliders(50, 50, 50, 80, 50, 50, 50));
        assertThat(updated.createdAt()).isEqualTo(created.createdAt());
        assertThat(updated.updatedAt()).isAfterOrEqualTo(created.updatedAt());

        CharacterResponse visibilityLeftOut = api.put(
                        uri,
                        owner,
                        aCharacter().named("Luna III").without("visibility").build())
                .expectStatus()
                .isOk()
                .expectBody(CharacterResponse.class)
                .returnResult()
                .getResponseBody();
        assertThat(visibilityLeftOut.name()).isEqualTo("Luna III");
        assertThat(visibilityLeftOut.visibility())
                .as("a visibility left out is kept, not reset to private")
                .isEqualTo(Visibility.SHAREABLE);

        CharacterResponse createBodyResent = api.put(
                        uri,
                        owner,
                        aCharacter()
                                .named("Luna IV")
                                .with("nsfw_enabled", false)
                                .build())
                .expectStatus()
                .isOk()
                .expectBody(CharacterResponse.class)
                .returnResult()
                .getResponseBody();
        assertThat(createBodyResent.name()).isEqualTo("Luna IV");
        assertThat(createBodyResent.nsfwEnabled()).isFalse();
        api.put(
                        uri,
                        owner,
                        Map.of("name", "x", "character_type", "friend", "visibility", "public", "nsfw_enabled", true))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/adult-mode-has-its-own-endpoint");
        assertThat(api.read(owner, created.id()).name())
                .as("nothing of a refused update is written")
                .isEqualTo("Luna IV");
    }

    @Test
    void whenAStrangerAsksForAPrivateCharacterThenItIsNotFoundAndAPublicOneIsVisibleButNotEditable() {
        CharacterResponse secret = api.create(owner, aCharacter());
        CharacterResponse open = api.create(owner, aPublicCharacter());

        api.get("/characters/" + secret.id(), stranger)
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/not-found");
        CharacterResponse seen = api.read(stranger, open.id());
        assertThat(seen.granteeIds()).as("only the owner sees grantees").isNull();
        api.put("/characters/" + open.id(), stranger, aPublicCharacter().forUpdate())
                .expectStatus()
                .isNotFound();
        api.post("/characters/" + open.id() + "/set-adult", stranger, Map.of("enabled", false))
                .expectStatus()
                .isNotFound();
    }

    @Test
    void whenAnAnonymousCallerReadsAPublicCharacterThenTheyGetWhatAStrangerGetsAndNothingElse() {
        CharacterResponse open = api.create(owner, aPublicCharacter());
        CharacterResponse secret = api.create(owner, aCharacter());
        CharacterResponse shareable = api.create(owner, aCharacter().visibility("shareable"));
        api.shareWith(owner, shareable.id(), stranger);

        CharacterResponse seen = api.read(null, open.id());
        assertThat(seen).isEqualTo(api.read(stranger, open.id()));
        assertThat(seen.granteeIds()).isNull();
        assertThat(seen.moderationStatus()).isNull();

        for (UUID hidden : List.of(secret.id(), shareable.id(), UUID.randomUUID())) {
            api.get("/characters/" + hidden, null)
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("/problems/not-found");
        }
        assertThat(api.canSee(stranger, shareable.id())).as("the grantee").isTrue();

        String character = "/characters/" + open.id();
        api.put(character, null, aPublicCharacter().forUpdate()).expectStatus().isUnauthorized();
        api.delete(character, null).expectStatus().isUnauthorized();
        api.post(character + "/set-adult", null, Map.of("enabled", false))
                .expectStatus()
                .isUnauthorized();
        api.post(character + "/share", null, Map.of("link", true))
                .expectStatus()
                .isUnauthorized();
        api.put(character + "/favorite", null, Map.of()).expectStatus().isUnauthorized();
        for (String own : List.of("/characters/mine", "/characters/favorites", "/characters/shared-with-me")) {
            api.get(own, null).expectStatus().isUnauthorized();
        }
        assertThat(api.read(owner, open.id())).as("nothing was changed").isEqualTo(open);
    }

    @Test
    void whenTheOwnerDeletesThenTheCharacterIsGone() {
        CharacterResponse created = api.create(owner, aPublicCharacter());

        api.delete("/characters/" + created.id(), owner).expectStatus().isNoContent();

        api.get("/characters/" + created.id(), owner).expectStatus().isNotFound();
        api.delete("/characters/" + created.id(), owner).expectStatus().isNotFound();
    }

    @Test
    void whenListingMineThenOnlyTheCallersCharactersComeNewestFirstAcrossPages() {
        TestUser collector = users.adult();
        CharacterResponse first = api.create(collector, aCharacter().named("First"));
        CharacterResponse second = api.create(collector, aPublicCharacter().named("Second"));
        CharacterResponse third = api.create(collector, aCharacter().named("Third"));
        api.create(stranger, aPublicCharacter());

        CharacterPage page1 = api.page("/characters/mine?limit=2", collector);
        CharacterPage page2 = api.page("/characters/mine?limit=2&cursor=" + page1.nextCursor(), collector);

        assertThat(page1.items()).extracting(CharacterResponse::id).containsExactly(third.id(), second.id());
        assertThat(page2.items()).extracting(CharacterResponse::id).containsExactly(first.id());
        assertThat(page2.nextCursor()).isNull();
        api.get("/characters/mine", null).expectStatus().isUnauthorized();
    }

    @Test
    void whenTheApiDescriptionIsAskedForThenItListsTheEndpointsWithWireFieldNames() {
        api.get("/v3/api-docs", null)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/characters/public'].get.parameters[*].name")
                .value(names -> assertThat(names)
                        .asInstanceOf(InstanceOfAssertFactories.LIST)
                        .containsExactly("q", "tags", "character_type", "sort", "limit", "cursor"))
                .jsonPath("$.paths['/characters/{id}/share']")
                .exists()
                .jsonPath("$.paths['/characters/import'].post")
                .exists()
                .jsonPath("$.paths['/characters/{id}/export'].get.parameters[*].name")
                .value(names -> assertThat(names)
                        .asInstanceOf(InstanceOfAssertFactories.LIST)
                        .containsExactly("id", "format"))
                .jsonPath("$.components.schemas.CreateCharacterRequest.properties.example_dialogue")
                .exists()
                .jsonPath("$.components.schemas.CreateCharacterRequest.properties.character_type")
                .exists()
                .jsonPath("$.components.schemas.CreateCharacterRequest.properties.nsfw_enabled")
                .exists();
    }

    private void expectFieldError(Map<String, Object> body, String field) {
        api.post("/characters", owner, body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/validation")
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat(fields)
                        .as("errors of %s", body)
                        .asInstanceOf(InstanceOfAssertFactories.LIST)
                        .containsExactly(field));
    }
}
