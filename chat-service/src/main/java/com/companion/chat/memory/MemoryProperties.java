package com.companion.chat.memory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Pinned memories go into every prompt with the character, so both bounds are prompt budget.
 *
 * @param maxPerCharacter memories one user may pin for one character ({@code CHAT_MEMORY_MAX_PER_CHARACTER})
 * @param maxLength characters of one memory ({@code CHAT_MEMORY_MAX_LENGTH})
 */
@Validated
@ConfigurationProperties("chat.memory")
record MemoryProperties(
        @Min(1) @Max(200) int maxPerCharacter,
        @Min(10) @Max(2000) int maxLength) {}
