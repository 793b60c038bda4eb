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
 * A new character. Values are normalised as they are read (name and description trimmed, tags
 * trimmed, lowercased and deduplicated) and validated after that. Defaults: empty description,
 * every slider 50, private, no tags, adult mode off. Adult mode on needs an adult caller.
 */
public record CreateCharacterRequest(
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
        Visibility visibility,

        @Size(max = Tags.MAX_COUNT, message = Tags.COUNT_MESSAGE)
        List<@Nullable @NotNull @Pattern(regexp = Tags.PATTERN, message = Tags.PATTERN_MESSAGE) String> tags,

        Boolean nsfwEnabled) {

    public CreateCharacterRequest {
        name = TextRules.name(name);
        description = TextRules.description(description);
        sliders = sliders == null ? SlidersRequest.DEFAULTS : sliders;
        visibility = visibility == null ? Visibility.PRIVATE : visibility;
        tags = Tags.normalize(tags);
        nsfwEnabled = Boolean.TRUE.equals(nsfwEnabled);
    }

    public CharacterDraft draft() {
        return new CharacterDraft(
                Objects.requireNonNull(name),
                description,
                Objects.requireNonNull(characterType),
                sliders.toSliders(),
                visibility,
                tags);
    }
}
