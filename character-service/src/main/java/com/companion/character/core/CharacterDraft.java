package com.companion.character.core;

import com.companion.contracts.character.CharacterType;
import com.companion.contracts.character.Sliders;
import com.companion.contracts.character.Visibility;
import java.util.List;

/** What the owner edits: validated and normalised (trimmed name, normalised tags, every slider set). */
public record CharacterDraft(
        String name,
        String description,
        CharacterType characterType,
        Sliders sliders,
        Visibility visibility,
        List<String> tags) {

    public CharacterDraft {
        tags = List.copyOf(tags);
    }
}
