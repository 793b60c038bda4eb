package com.companion.worker.prompt;

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
 */
@Validated
@ConfigurationProperties("worker.prompt")
public record PromptProperties(
        @Positive int maxHistoryMessages,
        @Positive int maxHistoryChars,
        @Positive int maxDescriptionChars,
        @Positive int hinglishLookback) {}
