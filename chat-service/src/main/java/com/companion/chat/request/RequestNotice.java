package com.companion.chat.request;

import java.util.Optional;
import java.util.UUID;

/**
 * What every instance hears about a request, on one PostgreSQL channel, once the transaction that
 * changed it commits: it {@code FINISHED} (completed, blocked, failed or expired), or its ad
 * decision arrived after it had finished ({@code AD_DECIDED}).
 */
public record RequestNotice(Kind kind, UUID requestId) {

    public static final String CHANNEL = "chat_request_done";

    public enum Kind {
        FINISHED,
        AD_DECIDED
    }

    String payload() {
        return (kind == Kind.FINISHED ? "finished:" : "ad:") + requestId;
    }

    /** The notice a payload carries; empty for one this version does not know. */
    public static Optional<RequestNotice> parse(String payload) {
        try {
            if (payload.startsWith("finished:")) {
                return Optional.of(new RequestNotice(Kind.FINISHED, UUID.fromString(payload.substring(9))));
            }
            if (payload.startsWith("ad:")) {
                return Optional.of(new RequestNotice(Kind.AD_DECIDED, UUID.fromString(payload.substring(3))));
            }
        } catch (IllegalArgumentException e) {
            // not ours
        }
        return Optional.empty();
    }
}
