package com.companion.character.card.internal;

import com.companion.character.core.CardFields;
import com.companion.contracts.character.CharacterType;
import com.companion.contracts.character.Sliders;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a card file says, mapped onto this service's fields but not yet validated. {@code characterType}
 * and {@code sliders} come from {@code extensions.companion} (our own export), null when the card has none.
 */
public record ImportedCard(
        String name,
        String description,
        List<String> tags,
        CardFields card,
        @Nullable CharacterType characterType,
        @Nullable Sliders sliders) {

    public ImportedCard {
        tags = List.copyOf(tags);
    }
}
