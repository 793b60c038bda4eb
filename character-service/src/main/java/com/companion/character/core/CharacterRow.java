package com.companion.character.core;

import com.companion.contracts.character.CharacterType;
import com.companion.contracts.character.Sliders;
import com.companion.contracts.character.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A character as stored. {@code moderationReason} says why it is hidden or taken down, for its
 * owner; {@code screenedAt} is null until its text was first screened, and {@code screenedWith} names the screening version
 * that judged it (null from before versions were recorded); {@code ownerDisabled} holds
 * while its owner's account is disabled (banned).
 */
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
        Instant updatedAt,
        ModerationStatus moderationStatus,
        @Nullable String moderationReason,
        @Nullable Instant screenedAt,
        @Nullable String screenedWith,
        CardFields card,
        boolean exportAllowed,
        boolean ownerDisabled) {

    public CharacterRow {
        tags = List.copyOf(tags);
    }

    /**
     * Whether anyone but the owner may reach it (see {@link ModerationStatus}): not while its owner is banned,
     * whatever its moderation state.
     */
    public boolean openToOthers() {
        return moderationStatus == ModerationStatus.OK && !ownerDisabled;
    }

    public CharacterDraft draft() {
        return new CharacterDraft(name, description, characterType, sliders, visibility, tags, card, exportAllowed);
    }
}
