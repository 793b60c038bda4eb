package com.companion.contracts.character;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Topics;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The full current state of a character after any change, including who may reach it: consumers
 * decide access from this snapshot alone. {@code version} grows with every change so a consumer
 * can ignore a snapshot older than the one it holds.
 */
public record CharacterUpserted(
        UUID characterId,
        UUID ownerId,
        long version,
        String name,
        String description,
        CharacterType characterType,
        Sliders sliders,
        boolean nsfwEnabled,
        Visibility visibility,
        @Nullable String avatarUrl,
        List<String> tags,
        List<UUID> granteeIds,
        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable ModerationStatus moderation)
        implements Event {

    public static final EventType<CharacterUpserted> TYPE =
            EventType.of("character.character-upserted", Topics.CHARACTERS, CharacterUpserted.class);

    public CharacterUpserted {
        tags = List.copyOf(tags);
        granteeIds = List.copyOf(granteeIds);
    }

    /** Whether moderation lets the character be used; records published before moderation existed say nothing. */
    public boolean usable() {
        return moderation == null || moderation == ModerationStatus.OK;
    }

    public Persona persona() {
        return new Persona(characterId, name, description, characterType, sliders, nsfwEnabled);
    }

    @Override
    public String partitionKey() {
        return characterId.toString();
    }
}
