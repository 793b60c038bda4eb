package com.companion.chat.access;

import com.companion.contracts.character.CharacterType;
import com.companion.contracts.character.Persona;
import com.companion.contracts.character.Sliders;
import com.companion.contracts.character.Visibility;
import java.util.Set;
import java.util.UUID;

/**
 * What chat-service knows of a character from {@code character.characters.v1}.
 *
 * @param usable moderation lets the character be used; a hidden or taken-down one is chatted with by nobody
 */
public record CharacterView(
        UUID characterId,
        UUID ownerId,
        String name,
        String description,
        CharacterType characterType,
        Sliders sliders,
        boolean nsfwEnabled,
        Visibility visibility,
        Set<UUID> granteeIds,
        boolean usable) {

    public Persona persona() {
        return new Persona(characterId, name, description, characterType, sliders, nsfwEnabled);
    }
}
