package com.companion.contracts.ads;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * A client reported that the ad of a decision was shown or clicked. Published once per decision and action
 * ({@code decisionId} is the request id of the {@link AdDecision} that called for the ad), however often a client
 * posts the same impression.
 */
public record AdImpression(
        UUID decisionId, UUID adId, UUID sessionId, UUID userId, ImpressionAction action, Instant recordedAt)
        implements Event {

    public static final EventType<AdImpression> TYPE =
            EventType.of("ads.ad-impression", Topics.AD_IMPRESSIONS, AdImpression.class);

    @Override
    public String partitionKey() {
        return sessionId.toString();
    }
}
