package com.companion.character.catalogue;

import com.companion.character.core.CharacterResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page; {@code next_cursor} is null on the last one. */
public record CharacterPage(
        List<CharacterResponse> items, @Nullable String nextCursor) {

    public CharacterPage {
        items = List.copyOf(items);
    }
}
