package com.companion.character.catalogue;

import static com.companion.character.support.CharacterMother.aCharacter;
import static com.companion.character.support.CharacterMother.aPublicCharacter;
import static com.companion.character.support.CharacterMother.anAdultCharacter;
import static org.assertj.core.api.Assertions.assertThat;

import com.companion.character.core.CharacterResponse;
import com.companion.character.support.Api;
import com.companion.character.support.CharacterServiceTest;
import com.companion.character.support.TestUser;
import com.companion.character.support.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Favourites and the characters shared with the caller: only what the caller can see is listed. */
@CharacterServiceTest
class FavoritesAndSharedIT {

    @Autowired
    Api api;

    @Autowired
    Users users;

    @Test
    void whenCharactersAreFavouritedThenTheListShowsThoseStillVisibleLatestFirstAcrossPages() {
        TestUser owner = users.adult();
        TestUser fan = users.adult();
        CharacterResponse first = api.create(owner, aPublicCharacter().named("First"));
        CharacterResponse second = api.create(owner, aPublicCharacter().named("Second"));
        CharacterResponse third = api.create(owner, aPublicCharacter().named("Third"));
        CharacterResponse privateOne = api.create(owner, aCharacter().named("Private"));

        for (CharacterResponse c : List.of(first, second, third)) {
            api.put("/characters/" + c.id() + "/favorite", fan, Map.of())
                    .expectStatus()
                    .isNoContent();
        }
        api.put("/characters/" + first.id() + "/favorite", fan, Map.of())
                .expectStatus()
                .isNoContent();
        api.put("/characters/" + privateOne.id() + "/favorite", fan, Map.of())
                .expectStatus()
                .isNotFound();
        api.put("/characters/" + UUID.randomUUID() + "/favorite", fan, Map.of())
                .expectStatus()
                .isNotFound();

        assertThat(allPages("/characters/favorites", fan)).containsExactly(third.id(), second.id(), first.id());

        api.delete("/characters/" + second.id() + "/favorite", fan)
                .expectStatus()
                .isNoContent();
        api.delete("/characters/" + second.id() + "/favorite", fan)
                .expectStatus()
                .isNoContent();
        api.put("/characters/" + third.id(), owner, aCharacter().named("Third").forUpdate())
                .expectStatus()
                .isOk();

        assertThat(allPages("/characters/favorites", fan))
                .as("unmarked and now private ones are not listed")
                .containsExactly(first.id());
        assertThat(allPages("/characters/favorites", owner)).isEmpty();
        api.get("/characters/favorites", null).expectStatus().isUnauthorized();
    }

    @Test
    void whenCharactersAreSharedThenSharedWithMeListsThemAndNotTheCallersOwn() {
        TestUser owner = users.adult();
        TestUser friend = users.adult();
        TestUser minor = users.minor();
        CharacterResponse shared =
                api.create(owner, aCharacter().visibility("shareable").named("Shared"));
        CharacterResponse later =
                api.create(owner, aCharacter().visibility("shareable").named("Later"));
        CharacterResponse adult = api.create(owner, anAdultCharacter().visibility("shareable"));
        CharacterResponse notShared = api.create(owner, aCharacter().visibility("shareable"));
        api.create(friend, aCharacter().visibility("shareable"));

        api.shareWith(owner, shared.id(), friend);
        api.shareWith(owner, later.id(), friend);
        api.shareWith(owner, adult.id(), minor);

        assertThat(allPages("/characters/shared-with-me", friend)).containsExactly(later.id(), shared.id());
        assertThat(allPages("/characters/shared-with-me", minor))
                .as("an adult character stays hidden")
                .isEmpty();
        assertThat(allPages("/characters/shared-with-me", owner)).isEmpty();
        assertThat(allPages("/characters/shared-with-me", friend)).doesNotContain(notShared.id());
    }

    private List<UUID> allPages(String path, TestUser as) {
        List<UUID> ids = new ArrayList<>();
        String cursor = null;
        do {
            CharacterPage page = api.page(path + "?limit=1" + (cursor == null ? "" : "&cursor=" + cursor), as);
            page.items().forEach(c -> ids.add(c.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }
}
