package com.companion.worker.llm;

import org.jspecify.annotations.Nullable;

/**
 * No reply could be had from the provider; {@link #reason()} says why, as a stable code, and {@link #model()}
 * which model was called last for the request (null when none was).
 */
public class LlmFailure extends Exception {

    public enum Reason {
        TIMEOUT("llm_timeout", true),
        RATE_LIMITED("llm_rate_limited", true),
        UNAVAILABLE("llm_unavailable", true),
        REJECTED("llm_rejected", false),
        STREAM_BROKEN("llm_stream_broken", true);

        private final String code;
        private final boolean retryable;

        Reason(String code, boolean retryable) {
            this.code = code;
            this.retryable = retryable;
        }

        /** The code that {@code ReplyFailed.reason} carries. */
        public String code() {
            return code;
        }

        /** Whether the same message may well succeed if the user sends it again later. */
        public boolean retryable() {
            return retryable;
        }
    }

    private final Reason reason;
    private final @Nullable String model;

    public LlmFailure(Reason reason, String message, @Nullable String model) {
        super(message, null, false, false);
        this.reason = reason;
        this.model = model;
    }

    public Reason reason() {
        return reason;
    }

    /** The model whose call ended the request (the last one called), or null when no model was called. */
    public @Nullable String model() {
        return model;
    }
}
