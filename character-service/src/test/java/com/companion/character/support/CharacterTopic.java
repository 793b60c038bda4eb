package com.companion.character.support;

import static org.awaitility.Awaitility.await;

import com.companion.contracts.Event;
import com.companion.contracts.EventJson;
import com.companion.contracts.Topics;
import com.companion.contracts.character.CharacterUpserted;
import com.companion.platform.test.KafkaProbe;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** What this service published on character.characters.v1, per character, in order. */
public final class CharacterTopic implements AutoCloseable {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private final KafkaProbe probe = new KafkaProbe(Topics.CHARACTERS);

    /** Every record for this character so far: an event, or empty for a tombstone. */
    public List<Optional<Event>> recordsOf(UUID characterId) {
        return probe.records().stream()
                .filter(r -> characterId.toString().equals(r.key()))
                .map(r -> r.value() == null
                        ? Optional.<Event>empty()
                        : Optional.of(EventJson.decode(r.value()).data()))
                .toList();
    }

    /** Every snapshot of any character of this owner so far. */
    public List<CharacterUpserted> snapshotsOwnedBy(UUID ownerId) {
        return probe.records().stream()
                .filter(r -> r.value() != null)
                .map(r -> EventJson.decode(r.value()).data())
                .filter(CharacterUpserted.class::isInstance)
                .map(CharacterUpserted.class::cast)
                .filter(e -> e.ownerId().equals(ownerId))
                .toList();
    }

    public List<Optional<Event>> awaitRecords(UUID characterId, Predicate<List<Optional<Event>>> until) {
        return await().atMost(WITHIN).until(() -> recordsOf(characterId), until);
    }

    /** The snapshot of this version, once it is there. */
    public CharacterUpserted awaitSnapshot(UUID characterId, long version) {
        return awaitRecords(characterId, records -> snapshot(records, version).isPresent()).stream()
                .flatMap(Optional::stream)
                .filter(CharacterUpserted.class::isInstance)
                .map(CharacterUpserted.class::cast)
                .filter(e -> e.version() == version)
                .findFirst()
                .orElseThrow();
    }

    private static Optional<CharacterUpserted> snapshot(List<Optional<Event>> records, long version) {
        return records.stream()
                .flatMap(Optional::stream)
                .filter(CharacterUpserted.class::isInstance)
                .map(CharacterUpserted.class::cast)
                .filter(e -> e.version() == version)
                .findFirst();
    }

    @Override
    public void close() {
        probe.close();
    }
}
