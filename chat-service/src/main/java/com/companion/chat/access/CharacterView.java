package com.companion.chat.access;

import com.companion.contracts.character.CharacterType;
import com.companion.contracts.character.Persona;
import com.companion.contracts.character.PersonaCard;
import com.companion.contracts.character.Sliders;
import com.companion.contracts.character.Visibility;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What chat-service knows of a character from {@code character.characters.v1}.
 *
 * @param usable moderation lets the character be used; a hidden or taken-down one is chatted with by nobody
 * @param card the Character Card fields (greeting, scenario, lorebook, ...); null for snapshots without one
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
        boolean usable,
        @Nullable PersonaCard card) {

    public Persona persona() {
        return new Persona(characterId, name, description, characterType, sliders, nsfwEnabled, card);
    }
}
