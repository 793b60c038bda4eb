package com.companion.character.core;

import com.companion.contracts.character.CharacterType;
import com.companion.contracts.character.Sliders;
import com.companion.contracts.character.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A character as stored. */
public record CharacterRow(
        UUID id,
        UUID ownerId,
        String name,
        String description,
        CharacterType characterType,
        Sliders sliders,
        Visibility visibility,
        List<String> tags,
        boolean nsfwEnabled,
        @Nullable String avatarUrl,
        @Nullable UUID avatarMediaId,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public CharacterRow {
        tags = List.copyOf(tags);
    }

    public CharacterDraft draft() {
        return new CharacterDraft(name, description, characterType, sliders, visibility, tags);
    }
}
