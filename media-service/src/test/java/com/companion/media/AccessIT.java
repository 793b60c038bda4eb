package com.companion.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.contracts.Plan;
import com.companion.contracts.auth.SessionRevoked;
import com.companion.contracts.auth.UserDeleted;
import com.companion.contracts.auth.UserStatus;
import com.companion.contracts.auth.UserUpdated;
import com.companion.contracts.character.Visibility;
import com.companion.contracts.media.MediaDeleted;
import com.companion.contracts.media.MediaKind;
import com.companion.contracts.media.MediaUploaded;
import com.companion.media.characters.CharacterDirectory;
import com.companion.media.characters.CharacterRef;
import com.companion.media.testing.Characters;
import com.companion.media.testing.MediaClient;
import com.companion.media.testing.MediaClient.Answer;
import com.companion.media.testing.MediaEvents;
import com.companion.media.testing.MediaEvents.Published;
import com.companion.media.testing.MediaIntegrationTest;
import com.companion.media.testing.TestFiles;
import com.companion.platform.test.SampleCharacters;
import com.companion.platform.test.TestJwks;
import com.companion.platform.test.TestS3;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Who may see and delete media, avatars and their characters, and the events character-service reads. */
@MediaIntegrationTest
class AccessIT {

    static final Characters characters = new Characters();
    static final MediaEvents events = new MediaEvents();

    @Autowired
    RestTestClient http;

    @Autowired
    CharacterDirectory directory;

    @LocalServerPort
    int port;

    MediaClient client;

    @BeforeEach
    void client() {
        client = new MediaClient(http, port);
    }

    @AfterAll
    static void close() {
        characters.close();
        events.close();
    }

    @Test
    void anAccountDisabledOrDeletedIsRefusedAtOnceAndALiftedBanLetsItBackIn() {
        UUID banned = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        UUID bystander = UUID.randomUUID();
        String bannedMedia = upload(banned, "image", null);
        String deletedMedia = upload(deleted, "image", null);
        String bystanderMedia = upload(bystander, "image", null);

        characters.publish(new UserUpdated(banned, "banned", Plan.FREE, true, UserStatus.DISABLED, List.of("status")));
        characters.publish(new UserDeleted(deleted));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> client.get(banned, bannedMedia).status() == 401);
        assertThat(client.get(banned, bannedMedia).problemType()).isEqualTo("/problems/account-unavailable");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> client.get(deleted, deletedMedia).status() == 401);
        assertThat(client.upload(banned, "image", null, "x.png", "image/png", TestFiles.png(TestFiles.blocks(8, 8)))
                        .status())
                .isEqualTo(401);
        assertThat(client.get(bystander, bystanderMedia).status()).isEqualTo(200);

        characters.publish(new UserUpdated(banned, "banned", Plan.FREE, true, UserStatus.ACTIVE, List.of("status")));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> client.get(banned, bannedMedia).status() == 200);
    }

    @Test
    void aDeviceSignedOutIsRefusedAtOnceWhileTheUsersOtherDevicesGoOn() {
        UUID user = UUID.randomUUID();
        UUID signedOut = UUID.randomUUID();
        UUID stillIn = UUID.randomUUID();
        String media = upload(user, "image", null);
        String signedOutToken = "Bearer " + TestJwks.shared().tokenOfSession(user, signedOut);
        String stillInToken = "Bearer " + TestJwks.shared().tokenOfSession(user, stillIn);
        assertThat(client.get(signedOutToken, media).status()).isEqualTo(200);

        characters.publish(new SessionRevoked(user, signedOut, "revoked", Instant.now()));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> client.get(signedOutToken, media).status() == 401);
        assertThat(client.get(signedOutToken, media).problemType()).isEqualTo("/problems/session-ended");
        assertThat(client.get(stillInToken, media).status()).isEqualTo(200);
        assertThat(client.get(user, media).status())
                .as("a token without a device session")
                .isEqualTo(200);
    }

    @Test
    void privateMediaIsTheOwnersAloneAndOthersGet404() {
        UUID owner = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        String id = upload(owner, "image", null);

        assertThat(client.get(owner, id).status()).isEqualTo(200);
        Answer seen = client.get(stranger, id);
        assertThat(seen.status()).isEqualTo(404);
        assertThat(seen.problemType()).isEqualTo("/problems/not-found");
        assertThat(client.delete(stranger, id).status()).isEqualTo(404);
        assertThat(client.content(stranger, id).statusCode()).isEqualTo(404);
        assertThat(client.content(null, id).statusCode()).isEqualTo(404);
        assertThat(http.get()
                        .uri("/media/" + id)
                        .exchange()
                        .returnResult()
                        .getStatus()
                        .value())
                .isEqualTo(401);
        assertThat(client.get(owner, UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void anAvatarForACharacterCreatedAMomentAgoWaitsForItsEventInsteadOfA404() {
        UUID owner = UUID.randomUUID();
        UUID character = UUID.randomUUID();
        // The event lags the client's 201 from character-service, as it does when its outbox relays it.
        CompletableFuture.runAsync(
                () -> characters.publish(SampleCharacters.upserted(
                        character, owner, System.currentTimeMillis(), Visibility.PRIVATE, false)),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

        Answer uploaded = client.upload(
                owner, "avatar", character, "me.png", "image/png", TestFiles.png(TestFiles.blocks(32, 32)));

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.text("character_id")).isEqualTo(character.toString());
        assertThat(client.upload(
                                owner,
                                "avatar",
                                UUID.randomUUID(),
                                "me.png",
                                "image/png",
                                TestFiles.png(TestFiles.blocks(32, 32)))
                        .status())
                .as("a character that never comes is still not found")
                .isEqualTo(404);
    }

    @Test
    void anAvatarIsStoredUnderItsCharacterAnnouncedAndShownToEveryone() {
        UUID owner = UUID.randomUUID();
        UUID character = character(owner, Visibility.PUBLIC, false);

        Answer uploaded = client.upload(
                owner, "avatar", character, "me.gif", "image/gif", TestFiles.gif(TestFiles.blocks(64, 64)));

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        UUID id = UUID.fromString(uploaded.text("id"));
        assertThat(uploaded.text("kind")).isEqualTo("avatar");
        assertThat(uploaded.text("character_id")).isEqualTo(character.toString());
        assertThat(uploaded.text("mime_type")).isEqualTo("image/png");

        Published<MediaUploaded> published =
                events.await(e -> e instanceof MediaUploaded m && m.mediaId().equals(id) ? m : null);
        MediaUploaded event = published.event();
        assertThat(published.record().key()).isEqualTo(owner.toString());
        assertThat(event.kind()).isEqualTo(MediaKind.AVATAR);
        assertThat(event.characterId()).isEqualTo(character);
        assertThat(event.ownerId()).isEqualTo(owner);
        assertThat(event.objectKey()).isEqualTo("avatars/" + character + "/" + id + ".png");
        assertThat(event.url()).isEqualTo("/media/" + id + "/content");
        assertThat(event.mimeType()).isEqualTo("image/png");
        assertThat(event.width()).isEqualTo(64);
        assertThat(keysUnder("avatars/" + character + "/"))
                .containsExactlyInAnyOrder(event.objectKey(), "avatars/" + character + "/" + id + "_thumb.png");

        assertThat(client.get(UUID.randomUUID(), id).status()).isEqualTo(200);
        HttpResponse<byte[]> redirect = client.content(null, id);
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("private"));
        HttpResponse<byte[]> image =
                MediaClient.fetch(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(TestFiles.decode(image.body()).getWidth()).isEqualTo(64);
    }

    @Test
    void anAvatarIsSeenOnlyByThoseWhoMaySeeItsCharacter() {
        UUID owner = UUID.randomUUID();
        UUID friend = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        String privateAvatar = upload(owner, "avatar", character(owner, Visibility.PRIVATE, false));
        String sharedAvatar = upload(owner, "avatar", character(owner, Visibility.SHAREABLE, false, friend));
        String adultAvatar = upload(owner, "avatar", character(owner, Visibility.PUBLIC, true));

        assertThat(client.get(stranger, privateAvatar).status()).isEqualTo(404);
        assertThat(client.get(friend, sharedAvatar).status()).isEqualTo(200);
        assertThat(client.get(stranger, sharedAvatar).status()).isEqualTo(404);
        assertThat(client.get(stranger, true, adultAvatar).status()).isEqualTo(200);
        assertThat(client.get(stranger, false, adultAvatar).status()).isEqualTo(404);
        assertThat(client.content(null, adultAvatar).statusCode()).isEqualTo(404);
    }

    @Test
    void anAvatarForACharacterTheCallerDoesNotOwnIsNotFound() {
        UUID caller = UUID.randomUUID();
        UUID someoneElses = character(UUID.randomUUID(), Visibility.PUBLIC, false);
        byte[] png = TestFiles.png(TestFiles.blocks(20, 20));

        Answer notTheirs = client.upload(caller, "avatar", someoneElses, "a.png", "image/png", png);
        Answer unknown = client.upload(caller, "avatar", UUID.randomUUID(), "a.png", "image/png", png);

        assertThat(notTheirs.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(keysUnder("avatars/" + someoneElses + "/")).isEmpty();
    }

    @Test
    void deletingRemovesTheObjectsAndTheRowAndAnnouncesIt() {
        UUID owner = UUID.randomUUID();
        String id = upload(owner, "image", null);
        assertThat(keysUnder("media/" + owner + "/")).hasSize(2);

        assertThat(client.delete(owner, id).status()).isEqualTo(204);

        assertThat(client.get(owner, id).status()).isEqualTo(404);
        assertThat(client.delete(owner, id).status()).isEqualTo(404);
        assertThat(keysUnder("media/" + owner + "/")).isEmpty();
        MediaDeleted deleted = events.await(e ->
                        e instanceof MediaDeleted d && d.mediaId().toString().equals(id) ? d : null)
                .event();
        assertThat(deleted.ownerId()).isEqualTo(owner);
        assertThat(deleted.kind()).isEqualTo(MediaKind.IMAGE);
    }

    @Test
    void aDeletedCharacterTakesItsAvatarsAlong() {
        UUID owner = UUID.randomUUID();
        UUID character = character(owner, Visibility.PUBLIC, false);
        String id = upload(owner, "avatar", character);

        characters.delete(character, owner);

        MediaDeleted deleted = events.await(e ->
                        e instanceof MediaDeleted d && d.mediaId().toString().equals(id) ? d : null)
                .event();
        assertThat(deleted.characterId()).isEqualTo(character);
        assertThat(client.get(owner, id).status()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> keysUnder("avatars/" + character + "/").isEmpty());
        Answer late = client.upload(
                owner, "avatar", character, "a.png", "image/png", TestFiles.png(TestFiles.blocks(20, 20)));
        assertThat(late.status()).isEqualTo(404);
    }

    private UUID character(UUID owner, Visibility visibility, boolean nsfw, UUID... grantees) {
        UUID id = characters.publish(owner, visibility, nsfw, grantees);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> directory.find(id).map(CharacterRef::ownerId).orElse(null), owner::equals);
        return id;
    }

    private String upload(UUID owner, String kind, UUID character) {
        Answer uploaded =
                client.upload(owner, kind, character, "x.png", "image/png", TestFiles.png(TestFiles.blocks(32, 32)));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        return uploaded.text("id");
    }

    private static List<String> keysUnder(String prefix) {
        return TestS3.keys(prefix);
    }
}
