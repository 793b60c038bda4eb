package com.companion.character.access;

import static com.companion.character.support.CharacterMother.aCharacter;
import static com.companion.character.support.CharacterMother.aPublicCharacter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.character.support.CardFiles;
import com.companion.character.support.CharacterServiceTest;
import com.companion.character.support.KafkaEvents;
import com.companion.character.support.TestUser;
import com.companion.character.support.WithCharacterTopic;
import com.companion.contracts.auth.SessionRevoked;
import com.companion.platform.test.TestJwks;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A banned (disabled) account's still-valid token is refused on every endpoint with 401 account-unavailable, as chat
 * and media refuse it, from the moment the read model learns of the ban; an active user is unaffected, and a lifted
 * ban lets the token in again.
 */
@CharacterServiceTest
class AccountGateIT extends WithCharacterTopic {

    @Test
    void whenTheAccountIsBannedThenItsTokenIsRefusedOnEveryEndpointUntilTheBanIsLifted() {
        TestUser banned = users.adult();
        TestUser active = users.adult();
        UUID own = api.create(banned, aPublicCharacter()).id();
        UUID others = api.create(active, aPublicCharacter()).id();

        users.banned(banned);

        unavailable(api.post("/characters", banned, aCharacter().build()));
        unavailable(api.put(
                "/characters/" + own, banned, aCharacter().named("Renamed").forUpdate()));
        unavailable(api.upload("/characters/import", banned, "card.json", CardFiles.fixture("v3-kai.json"), Map.of()));
        unavailable(api.get("/characters/" + own, banned));
        unavailable(api.get("/characters/mine", banned));
        unavailable(api.post("/characters/" + own + "/share", banned, Map.of("link", true)));
        unavailable(api.delete("/characters/" + own, banned));
        unavailable(api.put("/characters/" + others + "/favorite", banned, Map.of()));
        unavailable(api.get("/characters/public", banned));
        unavailable(api.get("/characters/" + own + "/export?format=json", banned));

        api.post("/characters", active, aCharacter().build()).expectStatus().isCreated();
        api.put(
                        "/characters/" + others,
                        active,
                        aPublicCharacter().named("Renamed").forUpdate())
                .expectStatus()
                .isOk();
        api.get("/characters/public", null).expectStatus().isOk();

        users.banLifted(banned);

        assertThat(api.read(banned, own).name())
                .as("nothing was changed while banned")
                .isEqualTo("Luna");
        api.post("/characters", banned, aCharacter().build()).expectStatus().isCreated();
    }

    @Test
    void whenADeviceIsSignedOutThenItsTokenIsRefusedWhileTheUsersOtherDevicesGoOn() {
        TestUser user = users.adult();
        UUID signedOut = UUID.randomUUID();
        UUID stillIn = UUID.randomUUID();
        String signedOutToken = TestJwks.shared().tokenOfSession(user.id(), signedOut);
        String stillInToken = TestJwks.shared().tokenOfSession(user.id(), stillIn);
        api.getWithToken("/characters/mine", signedOutToken).expectStatus().isOk();

        KafkaEvents.publish(new SessionRevoked(user.id(), signedOut, "revoked", Instant.now()));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> api.getWithToken("/characters/mine", signedOutToken)
                        .expectStatus()
                        .isUnauthorized()
                        .expectBody()
                        .jsonPath("$.type")
                        .isEqualTo("/problems/session-ended"));
        api.getWithToken("/characters/mine", stillInToken).expectStatus().isOk();
        api.get("/characters/mine", user).expectStatus().isOk();
    }

    @Test
    void whenTheAccountIsDeletedThenItsTokenIsRefusedAsDeleted() {
        TestUser leaving = users.adult();
        users.deleted(leaving);

        api.post("/characters", leaving, aCharacter().build())
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/account-deleted");
    }

    private static void unavailable(RestTestClient.ResponseSpec response) {
        response.expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/account-unavailable");
    }
}
