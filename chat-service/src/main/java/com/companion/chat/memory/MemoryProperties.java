package com.companion.chat.memory;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Pinned memories go into every prompt with the character, so their bounds are prompt budget; recall's settings
 * bound what a send scans and how much of the prompt older messages take.
 *
 * @param maxPerCharacter memories one user may pin for one character ({@code CHAT_MEMORY_MAX_PER_CHARACTER})
 * @param maxLength characters of one memory ({@code CHAT_MEMORY_MAX_LENGTH})
 * @param recallCount older user messages recalled into a prompt, 0 to turn recall off ({@code CHAT_RECALL_COUNT})
 * @param recallMinScore the cosine a message needs to the new one to be recalled ({@code CHAT_RECALL_MIN_SCORE})
 * @param recallCandidates the user x character's newest vectors scanned per send ({@code CHAT_RECALL_CANDIDATES})
 * @param recallCacheMegabytes memory for the vectors an instance holds between sends ({@code CHAT_RECALL_CACHE_MB})
 * @param embedBatch queued messages embedded per background run
 * @param embedInterval the pause between background runs
 * @param summaryEvery messages that must leave the recent window before the running summary is extended, 0 for no
 *     summaries ({@code CHAT_SUMMARY_EVERY})
 * @param summaryMaxMessages messages one summary request carries at most (older ones are skipped)
 */
@Validated
@ConfigurationProperties("chat.memory")
record MemoryProperties(
        @Min(1) @Max(200) int maxPerCharacter,
        @Min(10) @Max(2000) int maxLength,
        @Min(0) @Max(10) int recallCount,
        @DecimalMin("0") @DecimalMax("1") double recallMinScore,
        @Min(1) @Max(100_000) int recallCandidates,
        @Min(1) @Max(4096) int recallCacheMegabytes,
        @Min(1) @Max(1000) int embedBatch,
        @NotNull Duration embedInterval,
        @Min(0) @Max(1000) int summaryEvery,
        @Min(2) @Max(500) int summaryMaxMessages) {}
