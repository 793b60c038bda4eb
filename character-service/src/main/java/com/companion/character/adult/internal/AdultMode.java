package com.companion.character.adult.internal;

import com.companion.character.access.CharacterAccess;
import com.companion.character.access.Viewers;
import com.companion.character.core.CharacterResponse;
import com.companion.character.core.CharacterRow;
import com.companion.character.core.CharacterStore;
import com.companion.character.core.CharacterViews;
import com.companion.character.core.Viewer;
import com.companion.character.events.CharacterEvents;
import com.companion.character.moderation.CharacterModeration;
import com.companion.character.moderation.CharacterScreening;
import com.companion.character.moderation.CharacterText;
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
    private final CharacterScreening screening;
    private final CharacterModeration moderation;

    AdultMode(
            Viewers viewers,
            CharacterAccess access,
            CharacterStore characters,
            CharacterEvents events,
            CharacterViews views,
            CharacterScreening screening,
            CharacterModeration moderation) {
        this.viewers = viewers;
        this.access = access;
        this.characters = characters;
        this.events = events;
        this.views = views;
        this.screening = screening;
        this.moderation = moderation;
    }

    /**
     * Ownership is checked first, so a stranger always gets 404 and never learns more. Then the
     * adult check locks the owner's read-model row before the character's row is locked: the same
     * order as a correction to minor, which therefore either runs first (and this answers 403) or
     * waits and switches the character off again.
     *
     * <p>The text is screened in the new mode. Turning adult mode on refuses text that fails even
     * there (422 {@code content-blocked}, nothing changes). Turning it off is always allowed, but
     * text acceptable only in adult mode must not become public clean content: the character is then
     * hidden (seen by its owner alone, with the reason) until an edit passes or adult mode is back on.
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
        if (enabled) {
            screening.requireAcceptable(CharacterText.of(character), true);
            characters.setNsfwEnabled(id, true);
            moderation.passed(character, viewer.requireUserId());
        } else {
            characters.setNsfwEnabled(id, false);
            moderation.rescreen(character, false, viewer.requireUserId());
        }
        return views.of(events.changed(id), viewer);
    }
}
