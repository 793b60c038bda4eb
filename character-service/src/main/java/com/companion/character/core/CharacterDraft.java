package com.companion.character.core;

import com.companion.contracts.character.CharacterType;
import com.companion.contracts.character.Sliders;
import com.companion.contracts.character.Visibility;
import java.util.List;

/**
 * What the owner edits: validated and normalised (trimmed name, normalised tags, every slider set),
 * the Character Card fields and whether others may export it.
 */
public record CharacterDraft(
        String name,
        String description,
        CharacterType characterType,
        Sliders sliders,
        Visibility visibility,
        List<String> tags,
        CardFields card,
        boolean exportAllowed) {

    public CharacterDraft {
        tags = List.copyOf(tags);
    }

    /** The same draft with other card fields. */
    public CharacterDraft withCard(CardFields newCard) {
        return new CharacterDraft(name, description, characterType, sliders, visibility, tags, newCard, exportAllowed);
    }
}
