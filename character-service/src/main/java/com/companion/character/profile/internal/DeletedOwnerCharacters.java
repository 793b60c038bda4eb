package com.companion.character.profile.internal;

import com.companion.character.core.CharacterRow;
import com.companion.character.core.CharacterStore;
import com.companion.character.events.CharacterEvents;
import com.companion.character.users.UserRemoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A deleted account takes its characters with it: each is deleted with its event and tombstone,
 * in the transaction that applied the deletion, so chat-service stops serving them too.
 */
@Component
class DeletedOwnerCharacters {

    private static final Logger log = LoggerFactory.getLogger(DeletedOwnerCharacters.class);

    private final CharacterStore characters;
    private final CharacterEvents events;

    DeletedOwnerCharacters(CharacterStore characters, CharacterEvents events) {
        this.characters = characters;
        this.events = events;
    }

    @EventListener
    void on(UserRemoved removed) {
        for (CharacterRow character : characters.lockAllOwnedBy(removed.userId())) {
            characters.delete(character.id());
            events.deleted(character);
            log.info("deleted character {} of deleted user {}", character.id(), removed.userId());
        }
    }
}
