package com.companion.character.profile;

import com.companion.character.core.CardFields;
import com.companion.character.core.CardLimits;
import com.companion.character.core.CharacterDraft;
import com.companion.character.core.Lorebook;
import com.companion.character.core.Tags;
import com.companion.contracts.character.CharacterType;
import com.companion.contracts.character.Visibility;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
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

        Boolean nsfwEnabled,

        @Nullable
        @Size(max = CardLimits.SHORT_TEXT)
        @Pattern(regexp = CardLimits.LINE_PATTERN, message = CardLimits.LINE_MESSAGE)
        String nickname,

        @Nullable
        @Size(max = CardLimits.LONG_TEXT)
        @Pattern(regexp = CardLimits.TEXT_PATTERN, message = CardLimits.TEXT_MESSAGE)
        String greeting,

        @Nullable @Size(max = CardLimits.ALTERNATE_GREETINGS)
        List<
                        @NotNull @Size(max = CardLimits.LONG_TEXT)
                        @Pattern(regexp = CardLimits.TEXT_PATTERN, message = CardLimits.TEXT_MESSAGE) String>
                alternateGreetings,

        @Nullable
        @Size(max = CardLimits.NOTES_TEXT)
        @Pattern(regexp = CardLimits.TEXT_PATTERN, message = CardLimits.TEXT_MESSAGE)
        String scenario,

        @Nullable
        @Size(max = CardLimits.LONG_TEXT)
        @Pattern(regexp = CardLimits.TEXT_PATTERN, message = CardLimits.TEXT_MESSAGE)
        String exampleDialogue,

        @Nullable
        @Size(max = CardLimits.NOTES_TEXT)
        @Pattern(regexp = CardLimits.TEXT_PATTERN, message = CardLimits.TEXT_MESSAGE)
        String systemPrompt,

        @Nullable
        @Size(max = CardLimits.NOTES_TEXT)
        @Pattern(regexp = CardLimits.TEXT_PATTERN, message = CardLimits.TEXT_MESSAGE)
        String postHistoryInstructions,

        @Nullable
        @Size(max = CardLimits.NOTES_TEXT)
        @Pattern(regexp = CardLimits.TEXT_PATTERN, message = CardLimits.TEXT_MESSAGE)
        String creatorNotes,

        @Nullable
        @Size(max = CardLimits.SHORT_TEXT)
        @Pattern(regexp = CardLimits.LINE_PATTERN, message = CardLimits.LINE_MESSAGE)
        String creator,

        @Nullable
        @Size(max = CardLimits.VERSION_TEXT)
        @Pattern(regexp = CardLimits.LINE_PATTERN, message = CardLimits.LINE_MESSAGE)
        String characterVersion,

        @Nullable @Valid Lorebook lorebook,

        @Nullable Map<String, @Nullable Object> extensions,

        @Nullable Boolean exportAllowed) {

    public CreateCharacterRequest {
        name = TextRules.name(name);
        description = TextRules.description(description);
        sliders = sliders == null ? SlidersRequest.DEFAULTS : sliders;
        visibility = visibility == null ? Visibility.PRIVATE : visibility;
        tags = Tags.normalize(tags);
        nsfwEnabled = Boolean.TRUE.equals(nsfwEnabled);
    }

    /** The draft of a new character: unset card fields are empty, export is off unless asked for. */
    public CharacterDraft draft() {
        return new CharacterDraft(
                Objects.requireNonNull(name),
                description,
                Objects.requireNonNull(characterType),
                sliders.toSliders(),
                visibility,
                tags,
                CardRequest.merge(
                        CardFields.EMPTY,
                        nickname,
                        greeting,
                        alternateGreetings,
                        scenario,
                        exampleDialogue,
                        systemPrompt,
                        postHistoryInstructions,
                        creatorNotes,
                        creator,
                        characterVersion,
                        lorebook,
                        extensions),
                Boolean.TRUE.equals(exportAllowed));
    }
}
