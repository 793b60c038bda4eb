package com.companion.chat.request;

import java.util.UUID;

/**
 * Where a request stands. When completed (or blocked, whose reply is a refusal in character),
 * {@code messageId}/{@code reply}/{@code showAd}/{@code adCounter} are the answer of
 * {@code POST /chat/send}; when failed, {@code errorCode}/{@code errorMessage} say why.
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
        String errorCode,
        String errorMessage) {

    public boolean finished() {
        return status != RequestStatus.PENDING;
    }
}
