package com.companion.character.events;

import static com.companion.character.support.CharacterMother.aCharacter;
import static com.companion.character.support.CharacterMother.aPublicCharacter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.character.core.CharacterResponse;
import com.companion.character.support.CharacterMother;
import com.companion.character.support.CharacterServiceTest;
import com.companion.character.support.KafkaEvents;
import com.companion.character.support.TestUser;
import com.companion.character.support.WithCharacterTopic;
import com.companion.character.users.UserDirectory;
import com.companion.contracts.Event;
import com.companion.contracts.EventEnvelope;
import com.companion.contracts.auth.UserRegistered;
import com.companion.contracts.character.CharacterDeleted;
import com.companion.contracts.character.CharacterType;
import com.companion.contracts.character.CharacterUpserted;
import com.companion.contracts.character.Sliders;
import com.companion.contracts.character.Visibility;
import com.companion.contracts.media.MediaDeleted;
import com.companion.contracts.media.MediaKind;
import com.companion.contracts.media.MediaUploaded;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What crosses the boundary: one full snapshot per change on character.characters.v1. */
@CharacterServiceTest
class CharacterEventsIT extends WithCharacterTopic {

    @Autowired
    UserDirectory directory;

    @Test
    void whenACharacterGoesThroughEveryKindOfChangeThenEachChangeYieldsExactlyOneFullSnapshot() {
        TestUser friend = users.adult();
        CharacterMother draft = aCharacter()
                .named("Vega")
                .describedAs("Dry wit, warm heart.")
                .ofType("therapist")
                .visibility("shareable")
                .tags("calm", "night")
                .slider("sarcasm", 80);
        CharacterResponse created = api.create(owner, draft);
        String uri = "/characters/" + created.id();

        api.put(uri, owner, draft.forUpdate()).expectStatus().isOk(); // no change
        api.put(uri, owner, draft.named("Vega II").forUpdate()).expectStatus().isOk();
        api.setAdult(owner, created.id(), true);
        api.setAdult(owner, created.id(), true); // no change
        api.shareWith(owner, created.id(), friend);
        api.post(uri + "/share", owner, Map.of("user_id", friend.id()))
                .expectStatus()
                .isOk(); // no change
        api.shareLink(owner, created.id()); // links are not part of the snapshot
        api.delete(uri + "/share/" + friend.id(), owner).expectStatus().isNoContent();
        KafkaEvents.publish(avatar(owner, created.id(), "https://media.example/avatars/vega.png"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.read(owner, created.id()).avatarUrl() != null);
        api.delete(uri, owner).expectStatus().isNoContent();

        List<Optional<Event>> records = topic.awaitRecords(
                created.id(), r -> !r.isEmpty() && r.getLast().isEmpty());
        assertThat(records.stream().map(CharacterEventsIT::describe))
                .containsExactly(
                        "upserted v1",
                        "upserted v2",
                        "upserted v3",
                        "upserted v4",
                        "upserted v5",
                        "upserted v6",
                        "deleted v7",
                        "tombstone");

        CharacterUpserted first = snapshot(records, 0);
        assertThat(first.ownerId()).isEqualTo(owner.id());
        assertThat(first.name()).isEqualTo("Vega");
        assertThat(first.description()).isEqualTo("Dry wit, warm heart.");
        assertThat(first.characterType()).isEqualTo(CharacterType.THERAPIST);
        assertThat(first.sliders()).isEqualTo(new Sliders(50, 50, 50, 50, 50, 80, 50));
        assertThat(first.visibility()).isEqualTo(Visibility.SHAREABLE);
        assertThat(first.tags()).containsExactly("calm", "night");
        assertThat(first.nsfwEnabled()).isFalse();
        assertThat(first.avatarUrl()).isNull();
        assertThat(first.granteeIds()).isEmpty();
        assertThat(first.createdAt()).isEqualTo(created.createdAt());
        assertThat(first.updatedAt()).isEqualTo(created.updatedAt());
        assertThat(snapshot(records, 1).name()).isEqualTo("Vega II");
        assertThat(snapshot(records, 2).nsfwEnabled()).isTrue();
        assertThat(snapshot(records, 3).granteeIds()).containsExactly(friend.id());
        assertThat(snapshot(records, 4).granteeIds()).isEmpty();
        assertThat(snapshot(records, 5).avatarUrl()).isEqualTo("https://media.example/avatars/vega.png");
        assertThat(snapshot(records, 5).persona().name()).isEqualTo("Vega II");
        assertThat(records.get(6)).contains(new CharacterDeleted(created.id(), owner.id(), 7));
    }

    @Test
    void whenMediaEventsArriveThenOnlyTheOwnersAvatarCountsEvenWhenRedeliveredAndDeletingItClearsIt() {
        TestUser stranger = users.adult();
        CharacterResponse character = api.create(owner, aPublicCharacter());
        CharacterResponse sentinel = api.create(owner, aCharacter());
        EventEnvelope<MediaUploaded> first =
                EventEnvelope.wrap(avatar(owner, character.id(), "https://m.example/1.png"));
        MediaUploaded second = avatar(owner, character.id(), "https://m.example/2.png");

        KafkaEvents.publish(avatar(stranger, character.id(), "https://m.example/stranger.png"));
        KafkaEvents.publish(image(owner, character.id()));
        KafkaEvents.publish(first);
        KafkaEvents.publish(second);
        KafkaEvents.publish(first); // redelivered after a later event: must not bring back 1.png
        // Same owner, so same partition: once this is applied, everything before it was consumed.
        KafkaEvents.publish(avatar(owner, sentinel.id(), "https://m.example/sentinel.png"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.read(owner, sentinel.id()).avatarUrl() != null);

        assertThat(api.read(owner, character.id()).avatarUrl()).isEqualTo("https://m.example/2.png");
        topic.awaitSnapshot(sentinel.id(), 2);
        assertThat(topic.awaitRecords(character.id(), r -> r.size() >= 3).stream()
                        .map(CharacterEventsIT::describe))
                .as("1.png, then 2.png; nothing for the stranger's upload, the image or the redelivery")
                .containsExactly("upserted v1", "upserted v2", "upserted v3");

        KafkaEvents.publish(
                new MediaDeleted(first.data().mediaId(), owner.id(), character.id(), MediaKind.AVATAR, Instant.now()));
        KafkaEvents.publish(
                new MediaDeleted(second.mediaId(), owner.id(), character.id(), MediaKind.AVATAR, Instant.now()));

        assertThat(topic.awaitSnapshot(character.id(), 4).avatarUrl()).isNull();
        assertThat(api.read(owner, character.id()).avatarUrl()).isNull();
    }

    @Test
    void whenAUserIsDeletedThenTheirCharactersAreDeletedAndTheGrantsTheyHeldAreRevoked() {
        TestUser leaving = users.adult();
        TestUser staying = users.adult();
        CharacterResponse theirs = api.create(leaving, aPublicCharacter());
        CharacterResponse sharedWithThem = api.create(staying, aCharacter().visibility("shareable"));
        api.shareWith(staying, sharedWithThem.id(), leaving);

        users.deleted(leaving);

        assertThat(topic.awaitRecords(theirs.id(), r -> r.size() == 3).stream().map(CharacterEventsIT::describe))
                .containsExactly("upserted v1", "deleted v2", "tombstone");
        assertThat(topic.awaitSnapshot(sharedWithThem.id(), 3).granteeIds()).isEmpty();
        assertThat(api.canSee(staying, theirs.id())).isFalse();
        api.get("/characters/mine", leaving)
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/account-deleted");
    }

    @Test
    void whenAUserEventIsRedeliveredAfterALaterOneThenTheLaterOneStands() {
        TestUser user = new TestUser(UUID.randomUUID(), "Redelivered_" + UUID.randomUUID(), true);
        EventEnvelope<UserRegistered> registration = users.register(user);
        users.correctedToMinor(user);

        KafkaEvents.publish(registration);
        users.registeredAfterEverythingOf(user);

        assertThat(directory.find(user.id()).orElseThrow().isAdult()).isFalse();
    }

    private static MediaUploaded avatar(TestUser uploader, UUID characterId, String url) {
        return new MediaUploaded(
                UUID.randomUUID(),
                uploader.id(),
                characterId,
                MediaKind.AVATAR,
                "avatars/" + characterId + "/" + UUID.randomUUID() + ".png",
                url,
                "image/png",
                2048,
                256,
                256,
                Instant.now());
    }

    private static MediaUploaded image(TestUser uploader, UUID characterId) {
        return new MediaUploaded(
                UUID.randomUUID(),
                uploader.id(),
                characterId,
                MediaKind.IMAGE,
                "media/" + uploader.id() + "/photo.png",
                "https://m.example/photo.png",
                "image/png",
                2048,
                256,
                256,
                Instant.now());
    }

    private static CharacterUpserted snapshot(List<Optional<Event>> records, int index) {
        return (CharacterUpserted) records.get(index).orElseThrow();
    }

    private static String describe(Optional<Event> record) {
        @Nullable Event event = record.orElse(null);
        return switch (event) {
            case null -> "tombstone";
            case CharacterUpserted upserted -> "upserted v" + upserted.version();
            case CharacterDeleted deleted -> "deleted v" + deleted.version();
            default -> event.getClass().getSimpleName();
        };
    }
}
