package com.companion.media.access;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param urlExpiry how long a presigned GET works (SigV4 allows at most seven days) */
@Validated
@ConfigurationProperties("media.access")
public record AccessProperties(@NotNull Duration urlExpiry) {

    public AccessProperties {
        if (urlExpiry != null && (urlExpiry.isNegative() || urlExpiry.isZero() || urlExpiry.toDays() >= 7)) {
            throw new IllegalArgumentException("media.access.url-expiry must be between 1s and 7 days");
        }
    }
}
