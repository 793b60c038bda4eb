package com.companion.character.sharing.internal;

import com.companion.character.core.CharacterStore;
import com.companion.character.core.Grants;
import com.companion.character.events.CharacterEvents;
import com.companion.character.users.UserRemoved;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A deleted account loses the grants it held; each character concerned gets a new snapshot. */
@Component
class DeletedGranteeGrants {

    private final CharacterStore characters;
    private final Grants grants;
    private final CharacterEvents events;

    DeletedGranteeGrants(CharacterStore characters, Grants grants, CharacterEvents events) {
        this.characters = characters;
        this.grants = grants;
        this.events = events;
    }

    @EventListener
    void on(UserRemoved removed) {
        for (UUID characterId : grants.characterIdsGrantedTo(removed.userId())) {
            // Character row first, as every other change does.
            if (characters.lock(characterId).isPresent() && grants.revoke(characterId, removed.userId())) {
                events.changed(characterId);
            }
        }
    }
}
