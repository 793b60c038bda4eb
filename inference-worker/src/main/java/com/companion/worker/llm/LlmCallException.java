package com.companion.worker.llm;

import java.time.Duration;

/** Why one call to the provider failed, classified for the retry loop in {@link LlmClient}. */
final class LlmCallException extends Exception {

    enum Kind {
        /** 429 or a dynamic-rate type: retried after what the provider asked; it is up, so the circuit ignores it. */
        RATE_LIMITED(LlmFailure.Reason.RATE_LIMITED, true, false),
        /** 5xx (and 408): retried with backoff. */
        SERVER_ERROR(LlmFailure.Reason.UNAVAILABLE, true, true),
        /** No connection, or it failed before a response came. */
        CONNECT(LlmFailure.Reason.UNAVAILABLE, true, true),
        /** Nothing arrived within the first-token timeout. */
        FIRST_TOKEN_TIMEOUT(LlmFailure.Reason.TIMEOUT, true, true),
        /**
         * A started stream failed: cut, silent past the idle timeout, malformed, empty, an error
         * inside it, or {@code finish_reason: "error"}.
         */
        STREAM_BROKEN(LlmFailure.Reason.STREAM_BROKEN, true, true),
        /** The model cannot serve ({@link ProviderErrors#MODEL_CANNOT_SERVE}): the next model is tried. */
        MODEL_UNAVAILABLE(LlmFailure.Reason.UNAVAILABLE, false, false),
        /** 401, 402, 403 and other 4xx: retrying the same request cannot help. */
        REJECTED(LlmFailure.Reason.REJECTED, false, false),
        /** The request's total deadline passed during the call. */
        DEADLINE(LlmFailure.Reason.TIMEOUT, false, true);

        final LlmFailure.Reason reason;
        final boolean retryable;
        final boolean providerFault;

        Kind(LlmFailure.Reason reason, boolean retryable, boolean providerFault) {
            this.reason = reason;
            this.retryable = retryable;
            this.providerFault = providerFault;
        }

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Kind kind;
    private final Duration retryAfter;

    LlmCallException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    LlmCallException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    Kind kind() {
        return kind;
    }

    /** How long the provider asked to wait before trying again, or null. */
    Duration retryAfter() {
        return retryAfter;
    }
}
