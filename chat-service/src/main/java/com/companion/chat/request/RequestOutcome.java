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
        String errorMessage,
        boolean support) {

    /** The error code of a request whose session was deleted while it was in flight (it went with the session). */
    public static final String SESSION_DELETED = "session_deleted";

    /** What a waiter hears of a request deleted with its session: failed, {@link #SESSION_DELETED}. */
    public static RequestOutcome sessionDeleted(UUID requestId, UUID sessionId) {
        return new RequestOutcome(
                requestId,
                sessionId,
                null,
                RequestStatus.FAILED,
                null,
                null,
                false,
                0,
                false,
                SESSION_DELETED,
                "The conversation was deleted before the reply was stored.",
                false);
    }

    public boolean finished() {
        return status != RequestStatus.PENDING;
    }
}
