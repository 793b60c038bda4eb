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

        @Nullable Boolean exportAllowed) {

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
                Objects.requireNonNull(visibility),
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
