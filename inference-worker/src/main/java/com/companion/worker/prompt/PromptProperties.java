package com.companion.worker.prompt;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How much of the conversation goes into a prompt. The history window chat-service sends is cut
 * further, newest kept, so a long chat never pushes the request past the model's context.
 *
 * @param maxHistoryMessages at most this many earlier messages
 * @param maxHistoryChars at most this many characters of earlier messages
 * @param maxDescriptionChars the character description is cut to this length
 * @param hinglishLookback how many of the user's latest messages decide whether they write Hinglish
 * @param maxSheetChars the whole character sheet is kept within this many characters: the example dialogue
 *     is left out first, then the sheet is cut
 * @param loreScanDepth how many of the latest messages (the new one included) are searched for lorebook keys
 * @param loreBudgetChars at most this many characters of lorebook entries go into a prompt
 * @param userName what {@code {{user}}} becomes while requests carry no name of the user
 */
@Validated
@ConfigurationProperties("worker.prompt")
public record PromptProperties(
        @Positive int maxHistoryMessages,
        @Positive int maxHistoryChars,
        @Positive int maxDescriptionChars,
        @Positive int hinglishLookback,
        @Positive int maxSheetChars,
        @Positive int loreScanDepth,
        @Positive int loreBudgetChars,
        @NotBlank String userName) {}
