package com.companion.character.moderation;

import static com.companion.character.support.CharacterMother.aPublicCharacter;
import static org.assertj.core.api.Assertions.assertThat;

import com.companion.character.core.CharacterResponse;
import com.companion.character.core.ModerationStatus;
import com.companion.character.profile.CreateCharacterRequest;
import com.companion.character.profile.internal.ProfileService;
import com.companion.character.support.CharacterServiceTest;
import com.companion.character.support.TestUser;
import com.companion.character.support.WithCharacterTopic;
import com.companion.contracts.Plan;
import com.companion.contracts.character.CharacterType;
import com.companion.contracts.character.CharacterUpserted;
import com.companion.contracts.character.Visibility;
import com.companion.platform.web.security.AuthenticatedUser;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A banned owner's characters are closed to everyone else like taken-down ones, without a change of their
 * moderation state, and come back exactly as they were when the ban is lifted. The banned owner's own token is
 * refused meanwhile (401 account-unavailable).
 */
@CharacterServiceTest
class BannedOwnerIT extends WithCharacterTopic {

    @Autowired
    ProfileService profiles;

    @Test
    void whenTheOwnerIsBannedThenTheirCharactersLeaveEveryPathToOthersUntilTheBanIsLifted() {
        TestUser banned = users.adult();
        TestUser grantee = users.adult();
        TestUser stranger = users.adult();
        String tag = "t-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = api.create(banned, aPublicCharacter().tags(tag)).id();
        api.shareWith(banned, id, grantee);
        String link = api.shareLink(banned, id);
        assertThat(catalogue(tag, null)).containsExactly(id);
        assertThat(api.canSee(stranger, id)).isTrue();

        users.banned(banned);

        for (TestUser viewer : new TestUser[] {null, stranger, grantee}) {
            assertThat(catalogue(tag, viewer)).isEmpty();
        }
        assertThat(api.canSee(stranger, id)).isFalse();
        assertThat(api.canSee(grantee, id)).isFalse();
        assertThat(api.page("/characters/shared-with-me", grantee).items()).isEmpty();
        api.get("/characters/shared/" + link, null).expectStatus().isNotFound();
        api.post("/characters/shared/" + link, stranger, null).expectStatus().isNotFound();
        api.get("/characters/" + id, banned)
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/account-unavailable");
        CharacterUpserted closed = topic.awaitSnapshot(id, 3);
        assertThat(closed.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(closed.granteeIds()).isEmpty();
        assertThat(closed.moderation()).isEqualTo(com.companion.contracts.character.ModerationStatus.OK);
        // A request that passed the account gate just before the ban was applied: what it creates stays closed.
        UUID createdWhileBanned = profiles.create(
                        new CreateCharacterRequest(
                                "Luna",
                                "",
                                CharacterType.FRIEND,
                                null,
                                Visibility.PUBLIC,
                                List.of(tag),
                                false,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        new AuthenticatedUser(banned.id(), banned.username(), Plan.FREE, true, List.of("user"), null))
                .id();
        assertThat(catalogue(tag, null))
                .as("a request that beat the ban; what it creates stays closed")
                .isEmpty();
        assertThat(topic.awaitSnapshot(createdWhileBanned, 1).visibility()).isEqualTo(Visibility.PRIVATE);

        users.banLifted(banned);

        CharacterResponse ownView = api.read(banned, id);
        assertThat(ownView.moderationStatus())
                .as("its moderation state is untouched by the ban")
                .isEqualTo(ModerationStatus.OK);
        assertThat(ownView.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(catalogue(tag, null)).containsExactlyInAnyOrder(id, createdWhileBanned);
        assertThat(api.canSee(stranger, id)).isTrue();
        assertThat(api.canSee(grantee, id)).isTrue();
        api.get("/characters/shared/" + link, null).expectStatus().isOk();
        CharacterUpserted reopened = topic.awaitSnapshot(id, 4);
        assertThat(reopened.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(reopened.granteeIds()).containsExactly(grantee.id());
        assertThat(reopened.moderation()).isEqualTo(com.companion.contracts.character.ModerationStatus.OK);
    }

    @Test
    void whenAnotherUserIsBannedOrTheSameStatusArrivesAgainThenNothingIsPublished() {
        TestUser other = users.adult();
        UUID id = api.create(owner, aPublicCharacter()).id();

        users.banned(other);
        users.banLifted(owner);

        TestUser marker = users.registeredAfterEverythingOf(owner);
        assertThat(marker).isNotNull();
        assertThat(topic.recordsOf(id)).hasSize(1);
        assertThat(api.canSee(marker, id)).isTrue();
    }

    private List<UUID> catalogue(String tag, @Nullable TestUser viewer) {
        return api.page("/characters/public?tags=" + tag, viewer).items().stream()
                .map(CharacterResponse::id)
                .toList();
    }
}
