package com.companion.platform.messaging.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param relayEnabled whether this instance publishes outbox rows (off only in tests that need
 *     committed rows to stay unsent)
 * @param batchSize rows published per round trip
 * @param pollInterval how often the relay looks for rows nobody woke it for (rows left by an
 *     instance that died, or committed by another instance)
 * @param sendTimeout how long to wait for the broker to acknowledge a batch
 */
@ConfigurationProperties("platform.outbox")
public record OutboxProperties(Boolean relayEnabled, Integer batchSize, Duration pollInterval, Duration sendTimeout) {

    public OutboxProperties {
        relayEnabled = relayEnabled == null || relayEnabled;
        batchSize = batchSize == null ? 256 : batchSize;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
    }
}
