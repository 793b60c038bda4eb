package com.companion.worker.llm;

/** No reply could be had from the provider; {@link #reason()} says why, as a stable code. */
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

    public LlmFailure(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
