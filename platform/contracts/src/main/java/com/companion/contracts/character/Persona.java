package com.companion.contracts.character;

import java.util.UUID;

/** What a prompt needs to speak as a character. */
public record Persona(
        UUID characterId,
        String name,
        String description,
        CharacterType characterType,
        Sliders sliders,
        boolean nsfwEnabled) {}
