package com.companion.media.storage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The sweep of {@code pending_object}.
 *
 * @param interval pause between sweeps
 * @param batchSize objects claimed per sweep (one S3 DeleteObjects call takes at most 1000)
 * @param lease how long a claimed batch stays hidden from other instances' sweeps
 */
@Validated
@ConfigurationProperties("media.cleanup")
public record CleanupProperties(
        @NotNull Duration interval,
        @Min(1) @Max(1000) int batchSize,
        @NotNull Duration lease) {}
