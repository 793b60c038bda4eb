package com.companion.media.characters;

import com.companion.contracts.character.Visibility;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What media knows of a character: who owns it and who may see it. */
public record CharacterRef(
        UUID characterId,
        UUID ownerId,
        Visibility visibility,
        boolean nsfwEnabled,
        Set<UUID> granteeIds,
        boolean deleted) {

    public CharacterRef {
        granteeIds = Set.copyOf(granteeIds);
    }

    public boolean isOwnedBy(UUID userId) {
        return !deleted && ownerId.equals(userId);
    }

    /**
     * Whether a viewer may see the character (and so its avatar): its owner; else anyone it is
     * public to or shared with, adults only when it is an adult character. {@code viewerId} is null
     * for an anonymous viewer.
     */
    public boolean isVisibleTo(@Nullable UUID viewerId, boolean viewerIsAdult) {
        if (deleted) {
            return false;
        }
        if (ownerId.equals(viewerId)) {
            return true;
        }
        if (nsfwEnabled && !viewerIsAdult) {
            return false;
        }
        return visibility == Visibility.PUBLIC || (viewerId != null && granteeIds.contains(viewerId));
    }
}
