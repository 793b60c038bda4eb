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
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable ModerationStatus moderation,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable PersonaCard card)
        implements Event {

    public static final EventType<CharacterUpserted> TYPE =
            EventType.of("character.character-upserted", Topics.CHARACTERS, CharacterUpserted.class);

    public CharacterUpserted {
        tags = List.copyOf(tags);
        granteeIds = List.copyOf(granteeIds);
    }

    /** A snapshot without card fields, as published before Character Cards existed. */
    public CharacterUpserted(
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
            @Nullable ModerationStatus moderation) {
        this(
                characterId,
                ownerId,
                version,
                name,
                description,
                characterType,
                sliders,
                nsfwEnabled,
                visibility,
                avatarUrl,
                tags,
                granteeIds,
                createdAt,
                updatedAt,
                moderation,
                null);
    }

    /** Whether moderation lets the character be used; records published before moderation existed say nothing. */
    public boolean usable() {
        return moderation == null || moderation == ModerationStatus.OK;
    }

    public Persona persona() {
        return new Persona(characterId, name, description, characterType, sliders, nsfwEnabled, card);
    }

    @Override
    public String partitionKey() {
        return characterId.toString();
    }
}
