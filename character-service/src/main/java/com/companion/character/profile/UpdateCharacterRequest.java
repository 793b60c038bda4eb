package com.companion.character.profile;

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
 * Replaces what the owner edits, normalised and defaulted as at creation. A {@code visibility} left
 * out keeps the current one: a forgotten field must not silently make a character private (which
 * revokes its shares). Adult mode changes only through its own endpoint, {@code set-adult}; the
 * create body's {@code nsfw_enabled} is accepted here when it repeats the current value, so a
 * client may send back the body it created the character with.
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
        @Nullable Visibility visibility,

        @Size(max = Tags.MAX_COUNT, message = Tags.COUNT_MESSAGE)
        List<@Nullable @NotNull @Pattern(regexp = Tags.PATTERN, message = Tags.PATTERN_MESSAGE) String> tags,

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

        @Nullable Boolean exportAllowed,

        @Nullable Boolean nsfwEnabled) {

    public UpdateCharacterRequest {
        name = TextRules.name(name);
        description = TextRules.description(description);
        sliders = sliders == null ? SlidersRequest.DEFAULTS : sliders;
        tags = Tags.normalize(tags);
    }

    /** The draft that replaces {@code current}: card fields and the export flag left out stay as they are. */
    public CharacterDraft draft(CharacterDraft current) {
        return new CharacterDraft(
                Objects.requireNonNull(name),
                description,
                Objects.requireNonNull(characterType),
                sliders.toSliders(),
                visibility == null ? current.visibility() : visibility,
                tags,
                CardRequest.merge(
                        current.card(),
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
                exportAllowed == null ? current.exportAllowed() : exportAllowed);
    }
}
