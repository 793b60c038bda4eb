package com.companion.media.upload;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param presignedExpiry how long a presigned upload URL works; the upload must also be completed
 *     within it
 * @param orphanGrace how long an object written for an upload may wait for its row before the
 *     sweep deletes it (far longer than any store call can take)
 * @param characterWait how long an avatar upload waits for a character media has not heard of yet (created a
 *     moment ago) before answering 404
 */
@Validated
@ConfigurationProperties("media.upload")
public record UploadProperties(
        @NotNull Duration presignedExpiry,
        @NotNull Duration orphanGrace,
        @NotNull Duration characterWait) {

    public UploadProperties {
        if (presignedExpiry != null && (presignedExpiry.toSeconds() < 1 || presignedExpiry.toDays() >= 7)) {
            throw new IllegalArgumentException("media.upload.presigned-expiry must be between 1s and 7 days");
        }
    }
}
