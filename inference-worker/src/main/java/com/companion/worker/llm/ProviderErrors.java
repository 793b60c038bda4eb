package com.companion.worker.llm;

import com.companion.worker.llm.LlmCallException.Kind;
import java.util.Locale;
import java.util.Set;

/**
 * What a provider's error answer means for the retry loop, in one place for HTTP errors and errors
 * inside a stream. Together's codes and types come from its OpenAPI document, its SDKs and public
 * reports of real answers (see the worker's README).
 */
final class ProviderErrors {

    /**
     * Codes that say "this model cannot serve you now, another may": the model is not served
     * serverless, its dedicated endpoint is stopped, or it is not known at all.
     */
    static final Set<String> MODEL_CANNOT_SERVE = Set.of(
            "model_not_available",
            "dedicated_endpoint_not_running",
            "endpoint_not_running",
            "model_not_found",
            "model_not_supported",
            "model_deprecated");

    /** Together's types for a 429 (and the 503 it answers to bursts within the dynamic rate). */
    static final Set<String> RATE_LIMIT_TYPES =
            Set.of("rate_limit_exceeded", "dynamic_request_limited", "dynamic_token_limited", "rate_limit");

    /** Message fragments of the same answers when a code is missing (older or proxied bodies). */
    private static final Set<String> MODEL_CANNOT_SERVE_PHRASES =
            Set.of("non-serverless model", "dedicated endpoint", "is not running", "model not available");

    private ProviderErrors() {}

    /** An error answer with an HTTP status (0 when it came inside a 200 stream). */
    static Kind classify(int status, String code, String type, String message) {
        String c = normalise(code);
        String t = normalise(type);
        if (status == 429 || RATE_LIMIT_TYPES.contains(t) || RATE_LIMIT_TYPES.contains(c)) {
            return Kind.RATE_LIMITED;
        }
        if (MODEL_CANNOT_SERVE.contains(c) || MODEL_CANNOT_SERVE.contains(t)) {
            return Kind.MODEL_UNAVAILABLE;
        }
        if ((status == 400 || status == 404) && c.isEmpty() && mentionsModelCannotServe(message)) {
            return Kind.MODEL_UNAVAILABLE;
        }
        if (status == 0) {
            return c.equals("invalid_api_key") || t.equals("authentication_error") ? Kind.REJECTED : Kind.STREAM_BROKEN;
        }
        if (status == 408 || status >= 500) {
            return Kind.SERVER_ERROR;
        }
        return Kind.REJECTED;
    }

    private static boolean mentionsModelCannotServe(String message) {
        String m = normalise(message);
        return MODEL_CANNOT_SERVE_PHRASES.stream().anyMatch(m::contains);
    }

    private static String normalise(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
