package com.companion.media.validation;

import com.companion.contracts.media.MediaKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What an upload may be.
 *
 * @param imageMaxSize largest avatar or image file
 * @param audioMaxSize largest audio file
 * @param otherMaxSize largest document
 * @param maxPixels largest width x height an image header may claim; checked before decoding
 * @param thumbnailSize longest side of a thumbnail
 * @param jpegQuality quality JPEGs are written anew with
 * @param maxConcurrentDecodes images decoded at once (each may hold maxPixels x 4 bytes)
 * @param decodeWait how long an upload waits for a decoding slot before answering 503
 */
@Validated
@ConfigurationProperties("media.validation")
public record ValidationProperties(
        @NotNull DataSize imageMaxSize,
        @NotNull DataSize audioMaxSize,
        @NotNull DataSize otherMaxSize,
        @Min(1) long maxPixels,
        @Min(16) @Max(2048) int thumbnailSize,
        @Min(1) @Max(100) int jpegQuality,
        @Min(1) int maxConcurrentDecodes,
        @NotNull Duration decodeWait) {

    public long maxBytes(MediaKind kind) {
        return switch (kind) {
            case AVATAR, IMAGE -> imageMaxSize.toBytes();
            case AUDIO -> audioMaxSize.toBytes();
            case OTHER -> otherMaxSize.toBytes();
        };
    }

    public long largestMaxBytes() {
        return Math.max(imageMaxSize.toBytes(), Math.max(audioMaxSize.toBytes(), otherMaxSize.toBytes()));
    }
}
