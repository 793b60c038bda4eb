package com.companion.character.profile;

import com.companion.character.core.CharacterDraft;
import com.companion.character.core.Tags;
import com.companion.contracts.character.CharacterType;
import com.companion.contracts.character.Visibility;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Replaces what the owner edits, normalised and defaulted as at creation. {@code visibility} is
 * required here: a forgotten field must not silently make a character private (which revokes its
 * shares). Adult mode is not part of it: it has its own endpoint, {@code set-adult}.
 */
public record UpdateCharacterRequest(
        @Nullable
        @NotBlank
        @Size(max = TextRules.NAME_MAX)
        @Pattern(regexp = TextRules.NAME_PATTERN, message = TextRules.NAME_PATTERN_MESSAGE)
        String name,

        @Size(max = TextRules.DESCRIPTION_MAX)
        @Pattern(regexp = TextRules.DESCRIPTION_PATTERN, message = TextRules.DESCRIPTION_PATTERN_MESSAGE)
        String description,

        @Nullable @NotNull CharacterType characterType,
        @Valid SlidersRequest sliders,
        @Nullable @NotNull Visibility visibility,

        @Size(max = Tags.MAX_COUNT, message = Tags.COUNT_MESSAGE)
        List<@Nullable @NotNull @Pattern(regexp = Tags.PATTERN, message = Tags.PATTERN_MESSAGE) String> tags) {

    public UpdateCharacterRequest {
        name = TextRules.name(name);
        description = TextRules.description(description);
        sliders = sliders == null ? SlidersRequest.DEFAULTS : sliders;
        tags = Tags.normalize(tags);
    }

    public CharacterDraft draft() {
        return new CharacterDraft(
                Objects.requireNonNull(name),
                description,
                Objects.requireNonNull(characterType),
                sliders.toSliders(),
                Objects.requireNonNull(visibility),
                tags);
    }
}
