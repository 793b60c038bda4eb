package com.companion.character.sharing;

import com.companion.contracts.character.CharacterType;
import org.jspecify.annotations.Nullable;

/** What anyone holding a valid link to a character that is not in adult mode may see before signing in. */
public record SharePreview(
        String name,
        CharacterType characterType,
        String description,
        @Nullable String avatarUrl) {}
