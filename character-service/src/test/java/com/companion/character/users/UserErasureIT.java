package com.companion.character.users;

import static com.companion.character.support.CharacterMother.aCharacter;
import static com.companion.character.support.CharacterMother.aPublicCharacter;
import static org.assertj.core.api.Assertions.assertThat;

import com.companion.character.core.CharacterResponse;
import com.companion.character.support.Api;
import com.companion.character.support.CharacterServiceTest;
import com.companion.character.support.TestUser;
import com.companion.character.support.Users;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** auth.user-deleted erases every row character-service holds on the user; other users' data stays. */
@CharacterServiceTest
class UserErasureIT {

    @Autowired
    Api api;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void whenAUserIsDeletedThenTheirCharactersFavouritesGrantsAndNameAreErased() {
        TestUser leaving = users.adult();
        TestUser staying = users.adult();
        CharacterResponse own = api.create(leaving, aPublicCharacter().named("Mine"));
        CharacterResponse others = api.create(staying, aPublicCharacter().named("Theirs"));
        CharacterResponse shared =
                api.create(staying, aCharacter().visibility("shareable").named("Shared"));
        api.put("/characters/" + others.id() + "/favorite", leaving, Map.of())
                .expectStatus()
                .isNoContent();
        api.put("/characters/" + own.id() + "/favorite", staying, Map.of())
                .expectStatus()
                .isNoContent();
        api.post("/characters/" + shared.id() + "/share", staying, Map.of("user_id", leaving.id()))
                .expectStatus()
                .is2xxSuccessful();
        api.post("/characters/" + own.id() + "/share", leaving, Map.of("link", true, "expires_in_hours", 24))
                .expectStatus()
                .is2xxSuccessful();
        assertThat(count("select count(*) from character_favorites where user_id = :u", leaving))
                .isEqualTo(1);

        users.deleted(leaving);

        assertThat(count("select count(*) from characters where owner_id = :u", leaving))
                .isZero();
        assertThat(count("select count(*) from character_favorites where user_id = :u", leaving))
                .isZero();
        assertThat(count("select count(*) from character_grants where grantee_id = :u", leaving))
                .isZero();
        assertThat(count("select count(*) from character_favorites where character_id = '" + own.id() + "'", leaving))
                .as("favourites of the erased user's characters go with them")
                .isZero();
        assertThat(count("select count(*) from share_links where character_id = '" + own.id() + "'", leaving))
                .isZero();
        assertThat(count("select count(*) from users where user_id = :u and (username <> '' or not deleted)", leaving))
                .as("only a marker without a name is kept, so a late event cannot bring the user back")
                .isZero();

        assertThat(count("select count(*) from characters where owner_id = :u", staying))
                .isEqualTo(2);
        assertThat(count("select count(*) from users where user_id = :u and username <> ''", staying))
                .isEqualTo(1);
    }

    private int count(String sql, TestUser user) {
        return jdbc.sql(sql).param("u", user.id()).query(Integer.class).single();
    }
}
