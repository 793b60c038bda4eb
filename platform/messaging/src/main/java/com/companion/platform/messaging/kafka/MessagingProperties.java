package com.companion.platform.messaging.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retries of a failing record before it goes to the dead-letter topic, and how long idempotency
 * marks are kept (longer than any topic's retention).
 */
@ConfigurationProperties("platform.messaging")
public record MessagingProperties(
        Integer retryAttempts,
        Duration retryInitialInterval,
        Double retryMultiplier,
        Duration retryMaxInterval,
        Duration processedRetention) {

    public MessagingProperties {
        retryAttempts = retryAttempts == null ? 3 : retryAttempts;
        retryInitialInterval = retryInitialInterval == null ? Duration.ofMillis(200) : retryInitialInterval;
        retryMultiplier = retryMultiplier == null ? 2.0 : retryMultiplier;
        retryMaxInterval = retryMaxInterval == null ? Duration.ofSeconds(2) : retryMaxInterval;
        processedRetention = processedRetention == null ? Duration.ofDays(14) : processedRetention;
    }
}
