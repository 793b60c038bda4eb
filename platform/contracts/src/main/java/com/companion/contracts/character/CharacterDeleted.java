package com.companion.contracts.character;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Topics;
import java.util.UUID;

/** The character is gone. A tombstone (null value) for the same key follows so compaction drops it. */
public record CharacterDeleted(UUID characterId, UUID ownerId, long version) implements Event {

    public static final EventType<CharacterDeleted> TYPE =
            EventType.of("character.character-deleted", Topics.CHARACTERS, CharacterDeleted.class);

    @Override
    public String partitionKey() {
        return characterId.toString();
    }
}
