package com.companion.character.adult.internal;

import com.companion.character.core.CharacterStore;
import com.companion.character.events.CharacterEvents;
import com.companion.character.moderation.CharacterModeration;
import com.companion.character.users.UserIsMinor;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A minor cannot own an adult character: when the read model says an owner is not an adult, adult
 * mode goes off on all their characters, each with a new snapshot, in the same transaction. Each is
 * screened again in clean mode and hidden if its text was acceptable only in adult mode.
 */
@Component
class MinorOwnerSwitchOff {

    private static final Logger log = LoggerFactory.getLogger(MinorOwnerSwitchOff.class);

    private final CharacterStore characters;
    private final CharacterEvents events;
    private final CharacterModeration moderation;

    MinorOwnerSwitchOff(CharacterStore characters, CharacterEvents events, CharacterModeration moderation) {
        this.characters = characters;
        this.events = events;
        this.moderation = moderation;
    }

    @EventListener
    void on(UserIsMinor minor) {
        for (UUID id : characters.switchOffNsfwOwnedBy(minor.userId())) {
            moderation.rescreen(characters.find(id).orElseThrow(), false, null);
            events.changed(id);
            log.info("adult mode switched off on character {}: its owner {} is not an adult", id, minor.userId());
        }
    }
}
