package com.companion.contracts.ads;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Topics;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * ad-service's verdict for one completed reply: {@code adCounter} is the session's count of
 * assistant replies including this one; {@code ad} is present only when {@code showAd}.
 */
public record AdDecision(
        UUID requestId,
        UUID sessionId,
        UUID userId,
        long adCounter,
        boolean showAd,
        @Nullable Ad ad,
        Instant decidedAt) implements Event {

    public static final EventType<AdDecision> TYPE =
            EventType.of("ads.ad-decision", Topics.AD_DECISIONS, AdDecision.class);

    @Override
    public String partitionKey() {
        return sessionId.toString();
    }
}
