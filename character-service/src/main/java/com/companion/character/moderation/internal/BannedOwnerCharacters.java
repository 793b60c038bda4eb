package com.companion.character.moderation.internal;

import com.companion.character.core.CharacterStore;
import com.companion.character.events.CharacterEvents;
import com.companion.character.users.UserStatusChanged;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A banned owner's characters are closed to everyone else (catalogue, reads by others, share links,
 * previews, grantees), like taken-down ones but without touching their moderation state, visibility or
 * grants; each is published again (as private with no grantees), so chat-service stops serving it to
 * others. Lifting the ban opens them again exactly as they were, each published again. In the
 * transaction that applied the status change.
 */
@Component
class BannedOwnerCharacters {

    private static final Logger log = LoggerFactory.getLogger(BannedOwnerCharacters.class);

    private final CharacterStore characters;
    private final CharacterEvents events;

    BannedOwnerCharacters(CharacterStore characters, CharacterEvents events) {
        this.characters = characters;
        this.events = events;
    }

    @EventListener
    void on(UserStatusChanged changed) {
        characters.lockAllOwnedBy(changed.userId());
        List<UUID> ids = characters.setOwnerDisabled(changed.userId(), changed.disabled());
        ids.forEach(events::changed);
        if (!ids.isEmpty()) {
            log.info(
                    "{} {} characters of user {}: the account is {}",
                    changed.disabled() ? "closed" : "reopened",
                    ids.size(),
                    changed.userId(),
                    changed.disabled() ? "disabled" : "active again");
        }
    }
}
