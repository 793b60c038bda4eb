package com.companion.character.moderation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param rescreenInterval how often the job looks for characters never screened (env
 *     {@code CHARACTER_RESCREEN_INTERVAL}); it also runs shortly after start
 * @param rescreenBatchSize how many it screens per transaction (env {@code CHARACTER_RESCREEN_BATCH_SIZE})
 * @param rescreenMaxPerRun how many characters judged by an older screening version it screens again per run, at a
 *     few tens of milliseconds of CPU each (env {@code CHARACTER_RESCREEN_MAX_PER_RUN})
 */
@Validated
@ConfigurationProperties("character.moderation")
public record ModerationProperties(
        @NotNull Duration rescreenInterval,
        @Min(1) @Max(1000) int rescreenBatchSize,
        @Min(0) int rescreenMaxPerRun) {}
