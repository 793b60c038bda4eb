package com.companion.character.adult;

import static com.companion.character.support.CharacterMother.aCharacter;
import static com.companion.character.support.CharacterMother.anAdultCharacter;
import static org.assertj.core.api.Assertions.assertThat;

import com.companion.character.core.CharacterResponse;
import com.companion.character.support.CharacterServiceTest;
import com.companion.character.support.TestUser;
import com.companion.character.support.WithCharacterTopic;
import com.companion.contracts.character.CharacterUpserted;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Adult characters never reach minors or anonymous callers, by any path. */
@CharacterServiceTest
class AdultSafetyIT extends WithCharacterTopic {

    @Test
    void whenTheCallerIsNotAnAdultThenAnAdultCharacterIsInvisibleByIdCatalogueLinkAndGrant() {
        String tag = uniqueTag();
        CharacterResponse publicAdult =
                api.create(owner, anAdultCharacter().visibility("public").tags(tag));
        CharacterResponse shareableAdult = api.create(owner, anAdultCharacter().visibility("shareable"));
        String link = api.shareLink(owner, shareableAdult.id());
        TestUser minor = users.minor();
        TestUser adultOnlyByToken = users.correctedToMinor(users.adult());
        TestUser unknownToReadModel = users.unknownToReadModel(true);

        for (TestUser notAdult : List.of(minor, adultOnlyByToken, unknownToReadModel)) {
            String who = notAdult == minor ? "minor" : notAdult == adultOnlyByToken ? "corrected" : "unknown";
            assertThat(api.canSee(notAdult, publicAdult.id()))
                    .as(who + " by id")
                    .isFalse();
            assertThat(catalogue(tag, notAdult)).as(who + " in the catalogue").isEmpty();
            api.post("/characters/shared/" + link, notAdult, null)
                    .expectStatus()
                    .isNotFound();
            api.get("/characters/shared/" + link, notAdult).expectStatus().isNotFound();
            assertThat(api.canSee(notAdult, shareableAdult.id()))
                    .as(who + " after trying the link")
                    .isFalse();
        }
        assertThat(catalogue(tag, null)).as("anonymous in the catalogue").isEmpty();
        api.get("/characters/shared/" + link, null).expectStatus().isNotFound();
        assertThat(api.canSee(null, publicAdult.id())).as("anonymous by id").isFalse();

        TestUser adult = users.adult();
        assertThat(catalogue(tag, adult)).containsExactly(publicAdult.id());
        assertThat(api.canSee(adult, publicAdult.id())).isTrue();
        api.get("/characters/shared/" + link, adult)
                .expectStatus()
                .isNotFound(); // the preview is anonymous by nature: never for adult characters
        api.post("/characters/shared/" + link, adult, null).expectStatus().isOk();
        assertThat(api.canSee(adult, shareableAdult.id())).isTrue();
    }

    @Test
    void whenADirectGrantReachesSomeoneWhoIsNotAnAdultThenTheAdultCharacterStaysHidden() {
        CharacterResponse shareableAdult = api.create(owner, anAdultCharacter().visibility("shareable"));
        TestUser minor = users.minor();

        api.shareWith(owner, shareableAdult.id(), minor);

        assertThat(api.canSee(minor, shareableAdult.id())).isFalse();
    }

    @Test
    void whenAGranteeIsCorrectedToAMinorThenTheyLoseAccessAtOnceWhileTheirTokenStillSaysAdult() {
        String tag = uniqueTag();
        CharacterResponse shared = api.create(owner, anAdultCharacter().visibility("shareable"));
        CharacterResponse inCatalogue =
                api.create(owner, anAdultCharacter().visibility("public").tags(tag));
        TestUser grantee = users.adult();
        api.shareWith(owner, shared.id(), grantee);
        assertThat(api.canSee(grantee, shared.id())).isTrue();
        assertThat(catalogue(tag, grantee)).containsExactly(inCatalogue.id());

        users.correctedToMinor(grantee);

        assertThat(grantee.adultByToken()).isTrue();
        assertThat(api.canSee(grantee, shared.id())).isFalse();
        assertThat(api.canSee(grantee, inCatalogue.id())).isFalse();
        assertThat(catalogue(tag, grantee)).isEmpty();
    }

    @Test
    void whenAnOwnerIsCorrectedToAMinorThenAdultModeIsSwitchedOffWithANewSnapshot() {
        TestUser corrected = users.adult();
        CharacterResponse adultOne = api.create(corrected, anAdultCharacter().visibility("public"));
        CharacterResponse plainOne = api.create(corrected, aCharacter());

        users.correctedToMinor(corrected);

        CharacterUpserted switchedOff = topic.awaitSnapshot(adultOne.id(), 2);
        assertThat(switchedOff.nsfwEnabled()).isFalse();
        assertThat(api.read(corrected, adultOne.id()).nsfwEnabled()).isFalse();
        assertThat(topic.recordsOf(plainOne.id())).as("nothing to switch off").hasSize(1);
        api.post("/characters/" + adultOne.id() + "/set-adult", corrected, Map.of("enabled", true))
                .expectStatus()
                .isForbidden();
    }

    @Test
    void whenTurningAdultModeOnThenOnlyAnAdultOwnerMay() {
        CharacterResponse character = api.create(owner, aCharacter());
        TestUser stranger = users.adult();
        TestUser minor = users.minor();
        TestUser adultOnlyByToken = users.correctedToMinor(users.adult());
        TestUser unknownToReadModel = users.unknownToReadModel(true);

        setAdult(stranger, character.id(), true).expectStatus().isNotFound();
        for (TestUser notAdult : List.of(minor, adultOnlyByToken, unknownToReadModel)) {
            UUID own = api.create(notAdult, aCharacter()).id();
            setAdult(notAdult, own, true)
                    .expectStatus()
                    .isForbidden()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("/problems/adult-only");
            api.post("/characters", notAdult, anAdultCharacter().build())
                    .expectStatus()
                    .isForbidden()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("/problems/adult-only");
            assertThat(api.setAdult(notAdult, own, false).nsfwEnabled()).isFalse();
        }

        assertThat(api.setAdult(owner, character.id(), true).nsfwEnabled()).isTrue();
        assertThat(api.setAdult(owner, character.id(), false).nsfwEnabled()).isFalse();
        setAdult(owner, character.id(), null).expectStatus().isBadRequest();
    }

    private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec setAdult(
            TestUser caller, UUID id, @Nullable Boolean enabled) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("enabled", enabled);
        return api.post("/characters/" + id + "/set-adult", caller, body);
    }

    private List<UUID> catalogue(String tag, @Nullable TestUser viewer) {
        return api.page("/characters/public?tags=" + tag, viewer).items().stream()
                .map(CharacterResponse::id)
                .toList();
    }

    private static String uniqueTag() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
