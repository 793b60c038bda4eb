package com.companion.character.sharing;

import static com.companion.character.support.CharacterMother.aCharacter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.companion.character.core.CharacterResponse;
import com.companion.character.support.Api;
import com.companion.character.support.CharacterMother;
import com.companion.character.support.CharacterServiceTest;
import com.companion.character.support.TestUser;
import com.companion.character.support.Users;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@CharacterServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharingIT {

    @Autowired
    Api api;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    TestUser owner;

    @BeforeAll
    void seed() {
        owner = users.adult();
    }

    @Test
    void whenSharedByUsernameThenTheGranteeSeesItUntilTheGrantIsRevoked() {
        CharacterResponse character = api.create(owner, shareable());
        TestUser grantee = users.minor();
        assertThat(api.canSee(grantee, character.id())).isFalse();

        api.post(
                        shareUri(character),
                        owner,
                        Map.of("username", grantee.username().toUpperCase()))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.user_id")
                .isEqualTo(grantee.id().toString())
                .jsonPath("$.username")
                .isEqualTo(grantee.username());

        assertThat(api.canSee(grantee, character.id())).isTrue();
        assertThat(api.read(grantee, character.id()).granteeIds()).isNull();
        assertThat(api.read(owner, character.id()).granteeIds()).containsExactly(grantee.id());
        api.post(shareUri(character), owner, Map.of("user_id", grantee.id()))
                .expectStatus()
                .isOk();
        api.post(
                        shareUri(character),
                        owner,
                        Map.of("username", grantee.username().toLowerCase()))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.username")
                .isEqualTo(grantee.username());

        api.delete(shareUri(character) + "/" + grantee.id(), owner)
                .expectStatus()
                .isNoContent();

        assertThat(api.canSee(grantee, character.id())).isFalse();
        assertThat(api.read(owner, character.id()).granteeIds()).isEmpty();
        api.delete(shareUri(character) + "/" + grantee.id(), owner)
                .expectStatus()
                .isNotFound();
    }

    @Test
    void whenTheGranteeIsUnknownThen404AndWhenTheRequestIsMalformedThen400() {
        CharacterResponse character = api.create(owner, shareable());
        TestUser known = users.adult();
        String uri = shareUri(character);

        api.post(uri, owner, Map.of("username", "nobody-" + UUID.randomUUID()))
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("user not found");
        api.post(uri, owner, Map.of("user_id", UUID.randomUUID()))
                .expectStatus()
                .isNotFound();
        api.post(uri, owner, Map.of("user_id", users.unknownToReadModel(true).id()))
                .expectStatus()
                .isNotFound();

        expectFieldError(uri, Map.of("username", known.username(), "user_id", known.id()), "body");
        expectFieldError(uri, Map.of(), "body");
        expectFieldError(uri, Map.of("user_id", owner.id()), "user_id");
        expectFieldError(uri, Map.of("link", false), "link");
        expectFieldError(uri, Map.of("user_id", known.id(), "expires_in_hours", 5), "expires_in_hours");
        expectFieldError(uri, Map.of("link", true, "username", known.username()), "link");
        expectFieldError(uri, Map.of("link", true, "expires_in_hours", 0), "expires_in_hours");
        expectFieldError(uri, Map.of("link", true, "expires_in_hours", 365 * 24 + 1), "expires_in_hours");
        expectFieldError(uri, Map.of("link", true, "password", "x"), "password");
    }

    @Test
    void whenSomeoneOtherThanTheOwnerSharesOrTheCharacterIsPrivateThenItIsRefused() {
        CharacterResponse character = api.create(owner, shareable());
        CharacterResponse secret = api.create(owner, aCharacter());
        TestUser stranger = users.adult();
        TestUser grantee = users.adult();
        api.shareWith(owner, character.id(), grantee);

        api.post(shareUri(character), stranger, Map.of("user_id", grantee.id()))
                .expectStatus()
                .isNotFound();
        api.post(shareUri(character), grantee, Map.of("link", true))
                .expectStatus()
                .isNotFound();
        api.delete(shareUri(character) + "/" + grantee.id(), grantee)
                .expectStatus()
                .isNotFound();
        api.post(shareUri(secret), owner, Map.of("user_id", grantee.id()))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/character-private");
        api.post(shareUri(secret), owner, Map.of("link", true)).expectStatus().isEqualTo(409);
    }

    @Test
    void whenALinkIsRedeemedThenTheCallerGainsAccessOnceAndAnyoneMayPreviewIt() throws Exception {
        CharacterResponse character = api.create(
                owner,
                shareable().named("Orion").describedAs("A night-sky guide.").ofType("mentor"));
        Map<?, ?> link = api.post(shareUri(character), owner, Map.of("link", true, "expires_in_hours", 24))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String token = link.get("token").toString();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(link.get("url")).isEqualTo("http://127.0.0.1:8080/characters/shared/" + token);
        assertThat(Instant.parse(link.get("expires_at").toString()))
                .isCloseTo(Instant.now().plus(24, ChronoUnit.HOURS), within(1, ChronoUnit.MINUTES));
        assertThat(jdbc.sql("select count(*) from share_links where token_hash = :hash")
                        .param(
                                "hash",
                                MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)))
                        .query(Integer.class)
                        .single())
                .as("stored as its hash")
                .isEqualTo(1);

        api.get("/characters/shared/" + token, null)
                .expectStatus()
                .isOk()
                .expectBody()
                .json("""
                        {"name": "Orion", "character_type": "mentor", "description": "A night-sky guide.", "avatar_url": null}
                        """, org.springframework.test.json.JsonCompareMode.STRICT);

        TestUser redeemer = users.adult();
        assertThat(api.canSee(redeemer, character.id())).isFalse();
        api.post("/characters/shared/" + token, null, null).expectStatus().isUnauthorized();
        api.post("/characters/shared/" + token, redeemer, null)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(character.id().toString());
        api.post("/characters/shared/" + token, redeemer, null).expectStatus().isOk();
        api.post("/characters/shared/" + token, owner, null).expectStatus().isOk();

        assertThat(api.canSee(redeemer, character.id())).isTrue();
        assertThat(api.read(owner, character.id()).granteeIds()).containsExactly(redeemer.id());
    }

    @Test
    void whenALinkIsRevokedThenItStopsWorkingAndTakesBackTheAccessItGave() {
        CharacterResponse character = api.create(owner, shareable());
        String token = api.shareLink(owner, character.id());
        TestUser viaLink = users.adult();
        TestUser alsoDirect = users.adult();
        TestUser late = users.adult();
        api.post("/characters/shared/" + token, viaLink, null).expectStatus().isOk();
        api.post("/characters/shared/" + token, alsoDirect, null).expectStatus().isOk();
        api.post(shareUri(character), owner, Map.of("user_id", alsoDirect.id()))
                .expectStatus()
                .isOk(); // already granted through the link: now a direct share too

        api.delete(linkUri(character, token), viaLink).expectStatus().isNotFound();
        api.delete(linkUri(character, token), owner).expectStatus().isNoContent();

        api.post("/characters/shared/" + token, late, null).expectStatus().isNotFound();
        api.get("/characters/shared/" + token, null).expectStatus().isNotFound();
        assertThat(api.canSee(late, character.id())).isFalse();
        assertThat(api.canSee(viaLink, character.id()))
                .as("access given by the link")
                .isFalse();
        assertThat(api.canSee(alsoDirect, character.id()))
                .as("shared directly as well")
                .isTrue();
        api.delete(linkUri(character, token), owner).expectStatus().isNotFound();
        api.delete(linkUri(character, "not-a-token"), owner).expectStatus().isNotFound();
    }

    @Test
    void whenALinkHasExpiredOrNeverExistedThenItIsNotFound() {
        CharacterResponse character = api.create(owner, shareable());
        String token = api.post(shareUri(character), owner, Map.of("link", true, "expires_in_hours", 1))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("token")
                .toString();
        jdbc.sql("update share_links set expires_at = now() - interval '1 second' where character_id = :id")
                .param("id", character.id())
                .update();

        api.get("/characters/shared/" + token, null).expectStatus().isNotFound();
        api.post("/characters/shared/" + token, users.adult(), null)
                .expectStatus()
                .isNotFound();
        String guessed = "A".repeat(43);
        api.get("/characters/shared/" + guessed, null).expectStatus().isNotFound();
        api.post("/characters/shared/" + guessed, owner, null).expectStatus().isNotFound();
    }

    @Test
    void whenACharacterIsMadePrivateThenEveryGrantAndLinkIsRevoked() {
        CharacterMother shareable = shareable();
        CharacterResponse character = api.create(owner, shareable);
        TestUser grantee = users.adult();
        api.shareWith(owner, character.id(), grantee);
        String token = api.shareLink(owner, character.id());

        api.put(
                        "/characters/" + character.id(),
                        owner,
                        shareable.visibility("private").forUpdate())
                .expectStatus()
                .isOk();

        assertThat(api.canSee(grantee, character.id())).isFalse();
        assertThat(api.read(owner, character.id()).granteeIds()).isEmpty();
        api.get("/characters/shared/" + token, null).expectStatus().isNotFound();
        api.post("/characters/shared/" + token, users.adult(), null)
                .expectStatus()
                .isNotFound();

        api.put(
                        "/characters/" + character.id(),
                        owner,
                        shareable.visibility("shareable").forUpdate())
                .expectStatus()
                .isOk();
        assertThat(api.canSee(grantee, character.id()))
                .as("making it shareable again restores nothing")
                .isFalse();
        api.post("/characters/shared/" + token, users.adult(), null)
                .expectStatus()
                .isNotFound();
    }

    private void expectFieldError(String uri, Map<String, ?> body, String field) {
        api.post(uri, owner, new HashMap<>(body))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }

    private static CharacterMother shareable() {
        return aCharacter().visibility("shareable");
    }

    private static String shareUri(CharacterResponse character) {
        return "/characters/" + character.id() + "/share";
    }

    private static String linkUri(CharacterResponse character, String token) {
        return "/characters/" + character.id() + "/share-links/" + token;
    }
}
