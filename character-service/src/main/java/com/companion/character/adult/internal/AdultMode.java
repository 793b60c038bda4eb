package com.companion.character.adult.internal;

import com.companion.character.access.CharacterAccess;
import com.companion.character.access.Viewers;
import com.companion.character.core.CharacterResponse;
import com.companion.character.core.CharacterRow;
import com.companion.character.core.CharacterStore;
import com.companion.character.core.CharacterViews;
import com.companion.character.core.Viewer;
import com.companion.character.events.CharacterEvents;
import com.companion.platform.web.security.AuthenticatedUser;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AdultMode {

    private final Viewers viewers;
    private final CharacterAccess access;
    private final CharacterStore characters;
    private final CharacterEvents events;
    private final CharacterViews views;

    AdultMode(
            Viewers viewers,
            CharacterAccess access,
            CharacterStore characters,
            CharacterEvents events,
            CharacterViews views) {
        this.viewers = viewers;
        this.access = access;
        this.characters = characters;
        this.events = events;
        this.views = views;
    }

    /**
     * Ownership is checked first, so a stranger always gets 404 and never learns more. Then the
     * adult check locks the owner's read-model row before the character's row is locked: the same
     * order as a correction to minor, which therefore either runs first (and this answers 403) or
     * waits and switches the character off again.
     */
    @Transactional
    public CharacterResponse set(UUID id, boolean enabled, AuthenticatedUser user) {
        Viewer viewer = viewers.of(user);
        access.requireOwned(id, viewer);
        if (enabled) {
            viewers.requireAdult(user);
        }
        CharacterRow character = access.lockOwned(id, viewer);
        if (character.nsfwEnabled() == enabled) {
            return views.of(character, viewer);
        }
        characters.setNsfwEnabled(id, enabled);
        return views.of(events.changed(id), viewer);
    }
}
