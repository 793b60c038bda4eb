package com.companion.media.access;

import com.companion.contracts.media.MediaKind;
import com.companion.media.characters.CharacterDirectory;
import com.companion.platform.web.security.AuthenticatedUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who may see a media item: its owner always; an avatar also whoever may see its character
 * (public, or shared with them; adult characters for adults only), anonymous callers included for
 * public all-ages characters. Everything else is private to its owner.
 */
@Component
class MediaAccessPolicy {

    private final CharacterDirectory characters;

    MediaAccessPolicy(CharacterDirectory characters) {
        this.characters = characters;
    }

    boolean canView(Media media, @Nullable AuthenticatedUser viewer) {
        if (viewer != null && media.ownerId().equals(viewer.userId())) {
            return true;
        }
        if (media.kind() != MediaKind.AVATAR || media.characterId() == null) {
            return false;
        }
        return characters
                .find(media.characterId())
                .map(c -> c.isVisibleTo(viewer == null ? null : viewer.userId(), viewer != null && viewer.isAdult()))
                .orElse(false);
    }

    boolean canDelete(Media media, AuthenticatedUser caller) {
        return media.ownerId().equals(caller.userId());
    }
}
