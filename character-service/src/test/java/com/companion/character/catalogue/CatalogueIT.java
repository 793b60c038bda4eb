package com.companion.character.catalogue;

import static com.companion.character.support.CharacterMother.aCharacter;
import static com.companion.character.support.CharacterMother.aPublicCharacter;
import static org.assertj.core.api.Assertions.assertThat;

import com.companion.character.core.CharacterResponse;
import com.companion.character.support.Api;
import com.companion.character.support.CharacterServiceTest;
import com.companion.character.support.TestUser;
import com.companion.character.support.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

@CharacterServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueIT {

    @Autowired
    Api api;

    @Autowired
    Users users;

    TestUser owner;
    TestUser reader;

    @BeforeAll
    void seedUsers() {
        owner = users.adult();
        reader = users.adult();
    }

    @Test
    void whenSearchingThenAWordOfTheDescriptionTheNameOrATagFindsOnlyPublicCharacters() {
        String tag = uniqueTag();
        CharacterResponse sailor = api.create(
                owner,
                aPublicCharacter()
                        .named("Marina")
                        .describedAs("Retired sailor who tells stories about lighthouses.")
                        .tags(tag, "ocean"));
        CharacterResponse baker = api.create(
                owner,
                aPublicCharacter()
                        .named("Bruno")
                        .describedAs("Bakes sourdough at dawn.")
                        .tags(tag));
        api.create(
                owner, aCharacter().describedAs("A private lighthouse keeper.").tags(tag));
        api.create(
                owner,
                aCharacter()
                        .visibility("shareable")
                        .describedAs("A shared lighthouse keeper.")
                        .tags(tag));

        assertThat(ids("/characters/public?tags=" + tag + "&q=lighthouses", reader))
                .containsExactly(sailor.id());
        assertThat(ids("/characters/public?tags=" + tag + "&q=Sourdough", reader))
                .containsExactly(baker.id());
        assertThat(ids("/characters/public?tags=" + tag + "&q=marina", null)).containsExactly(sailor.id());
        assertThat(ids("/characters/public?q=" + tag, reader))
                .as("a tag is a word of the search text too")
                .containsExactly(baker.id(), sailor.id());
        assertThat(ids("/characters/public?tags=" + tag + "&q=\"tells stories\" -bakes", reader))
                .containsExactly(sailor.id());
        assertThat(ids("/characters/public?tags=" + tag + "&q=submarine", reader))
                .isEmpty();
    }

    @Test
    void whenFilteringByTagsThenACharacterMustCarryAllOfThemAndByTypeOnlyThatType() {
        String tag = uniqueTag();
        CharacterResponse both =
                api.create(owner, aPublicCharacter().ofType("mentor").tags(tag, "chess"));
        CharacterResponse one =
                api.create(owner, aPublicCharacter().ofType("friend").tags(tag));

        assertThat(ids("/characters/public?tags=" + tag, reader)).containsExactly(one.id(), both.id());
        assertThat(ids("/characters/public?tags=" + tag + ",CHESS", reader)).containsExactly(both.id());
        assertThat(ids("/characters/public?tags=" + tag + "&tags=chess", reader))
                .containsExactly(both.id());
        assertThat(ids("/characters/public?tags=" + tag + "&character_type=friend", reader))
                .containsExactly(one.id());
        assertThat(ids("/characters/public?tags=" + tag + "&character_type=girlfriend", reader))
                .isEmpty();
    }

    @Test
    void whenRowsAreAddedWhilePagingThenNoRowIsRepeatedOrSkipped() {
        String tag = uniqueTag();
        List<UUID> existing = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            existing.addFirst(
                    api.create(owner, aPublicCharacter().named("Row " + i).tags(tag))
                            .id());
        }

        List<UUID> seen = new ArrayList<>();
        CharacterPage page = api.page("/characters/public?limit=3&tags=" + tag, reader);
        seen.addAll(ids(page));
        while (page.nextCursor() != null) {
            api.create(owner, aPublicCharacter().named("Added while paging").tags(tag));
            page = api.page("/characters/public?limit=3&tags=" + tag + "&cursor=" + page.nextCursor(), reader);
            seen.addAll(ids(page));
        }

        assertThat(seen).as("newest first, each once").containsExactlyElementsOf(existing);
    }

    @Test
    void whenSearchingAndPagingThenTheOrderIsTheSameStableOne() {
        String tag = uniqueTag();
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.addFirst(api.create(
                            owner,
                            aPublicCharacter()
                                    .describedAs("Loves kites, number " + i)
                                    .tags(tag))
                    .id());
        }

        CharacterPage first = api.page("/characters/public?limit=2&q=kites&tags=" + tag, reader);
        CharacterPage second =
                api.page("/characters/public?limit=2&q=kites&tags=" + tag + "&cursor=" + first.nextCursor(), reader);
        CharacterPage third =
                api.page("/characters/public?limit=2&q=kites&tags=" + tag + "&cursor=" + second.nextCursor(), reader);

        List<UUID> seen = new ArrayList<>(ids(first));
        seen.addAll(ids(second));
        seen.addAll(ids(third));
        assertThat(seen).containsExactlyElementsOf(created);
        assertThat(third.nextCursor()).isNull();
    }

    @Test
    void whenListedThenOnlyTheOwnerSeesTheModerationFields() {
        String tag = uniqueTag();
        api.create(owner, aPublicCharacter().tags(tag));
        String uri = "/characters/public?tags=" + tag;

        for (TestUser viewer : new TestUser[] {reader, null}) {
            api.get(uri, viewer)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.items.length()")
                    .isEqualTo(1)
                    .jsonPath("$.items[0].moderation_status")
                    .doesNotExist()
                    .jsonPath("$.items[0].moderation_reason")
                    .doesNotExist();
        }
        api.get(uri, owner)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].moderation_status")
                .isEqualTo("ok");
    }

    @Test
    void whenParametersAreInvalidThenTheAnswerNamesThem() {
        expectFieldError("/characters/public?limit=101", "limit");
        expectFieldError("/characters/public?limit=0", "limit");
        expectFieldError("/characters/public?cursor=not-a-cursor", "cursor");
        expectFieldError("/characters/public?character_type=pirate", "character_type");
        expectFieldError("/characters/public?tags=no%20spaces", "tags");
        expectFieldError("/characters/public?q=" + "a".repeat(201), "q");
        expectFieldError("/characters/mine?limit=500", "limit");

        assertThat(api.page("/characters/public?limit=100", null).items()).hasSizeLessThanOrEqualTo(100);
    }

    private void expectFieldError(String uri, String field) {
        api.get(uri, reader)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }

    private List<UUID> ids(String uri, TestUser viewer) {
        return ids(api.page(uri, viewer));
    }

    private static List<UUID> ids(CharacterPage page) {
        return page.items().stream().map(CharacterResponse::id).toList();
    }

    private static String uniqueTag() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
