package com.companion.chat.request;

import java.util.UUID;

/**
 * Where a request stands. When completed (or blocked, whose reply is a refusal in character),
 * {@code messageId}/{@code reply} are the answer; {@code showAd}/{@code adCounter} are ad-service's
 * decision for the reply, or — while {@code adPending} — the session's count so far and no ad (the
 * decision follows on its own). When failed, {@code errorCode}/{@code errorMessage} say why.
 */
public record RequestOutcome(
        UUID requestId,
        UUID sessionId,
        UUID userId,
        RequestStatus status,
        UUID messageId,
        String reply,
        boolean showAd,
        long adCounter,
        boolean adPending,
        String errorCode,
        String errorMessage) {

    public boolean finished() {
        return status != RequestStatus.PENDING;
    }
}
