package com.companion.contracts.character;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a prompt needs to speak as a character. {@code card} holds the Character Card fields
 * (scenario, example dialogue, lorebook, ...); absent on requests from before cards existed.
 */
public record Persona(
        UUID characterId,
        String name,
        String description,
        CharacterType characterType,
        Sliders sliders,
        boolean nsfwEnabled,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable PersonaCard card) {

    public Persona(
            UUID characterId,
            String name,
            String description,
            CharacterType characterType,
            Sliders sliders,
            boolean nsfwEnabled) {
        this(characterId, name, description, characterType, sliders, nsfwEnabled, null);
    }

    /** The card fields, empty ones when the snapshot carried none. */
    public PersonaCard cardOrEmpty() {
        return card == null ? PersonaCard.EMPTY : card;
    }
}
