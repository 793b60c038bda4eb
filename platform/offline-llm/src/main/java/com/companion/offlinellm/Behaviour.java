package com.companion.offlinellm;

import java.time.Duration;
import java.util.Objects;

/**
 * How the server answers a chat completion: timing, an optional Together-style error, an optional
 * fault (cut the stream after some chunks, or never answer) and an optional fixed reply.
 *
 * <p>Error code, type and message left null take Together's values for the status (see {@link
 * #errorCodeOrDefault()} and friends). {@code retryAfterSeconds} applies to 429 only (default 1).
 * {@code disconnectAfterChunks} cuts the connection after that many content chunks (streaming) or
 * in the middle of the body (non-streaming). {@code hang} accepts the request and never answers.
 */
public record Behaviour(
        Duration timeToFirstToken,
        Duration timePerToken,
        int status,
        String errorCode,
        String errorType,
        String errorMessage,
        Integer retryAfterSeconds,
        Integer disconnectAfterChunks,
        String reply,
        boolean hang) {

    private static final Behaviour NORMAL =
            new Behaviour(Duration.ofMillis(20), Duration.ofMillis(5), 200, null, null, null, null, null, null, false);

    public Behaviour {
        timeToFirstToken = requireNonNegative(timeToFirstToken, "timeToFirstToken");
        timePerToken = requireNonNegative(timePerToken, "timePerToken");
        if (status < 200 || status > 599 || (status > 200 && status < 400)) {
            throw new IllegalArgumentException("status must be 200 or 400–599, was " + status);
        }
        if (retryAfterSeconds != null && retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative");
        }
        if (disconnectAfterChunks != null && disconnectAfterChunks < 0) {
            throw new IllegalArgumentException("disconnectAfterChunks must not be negative");
        }
    }

    /** A successful, quick reply: first token after 20 ms, then one token every 5 ms. */
    public static Behaviour normal() {
        return NORMAL;
    }

    /** A successful reply with no delays at all. */
    public static Behaviour instant() {
        return NORMAL.withTiming(Duration.ZERO, Duration.ZERO);
    }

    public static Behaviour timing(Duration timeToFirstToken, Duration timePerToken) {
        return NORMAL.withTiming(timeToFirstToken, timePerToken);
    }

    /** Together's error for this status, e.g. 500 or 503 (overloaded). */
    public static Behaviour error(int status) {
        return NORMAL.withStatus(status);
    }

    /** 429 with {@code retry-after} and the {@code x-ratelimit-*} headers. */
    public static Behaviour rateLimited(int retryAfterSeconds) {
        return NORMAL.withStatus(429).withRetryAfterSeconds(retryAfterSeconds);
    }

    /** 503, as Together answers when the model is overloaded. */
    public static Behaviour overloaded() {
        return NORMAL.withStatus(503);
    }

    /** 400 {@code model_not_available}, as for a model no longer served serverless. */
    public static Behaviour modelNotAvailable() {
        return NORMAL.withError(400, "model_not_available", "invalid_request_error", null);
    }

    public static Behaviour disconnectAfter(int chunks) {
        return NORMAL.withDisconnectAfterChunks(chunks);
    }

    public static Behaviour hanging() {
        return NORMAL.withHang(true);
    }

    public static Behaviour replying(String reply) {
        return NORMAL.withReply(reply);
    }

    public Behaviour withTiming(Duration timeToFirstToken, Duration timePerToken) {
        return new Behaviour(
                timeToFirstToken,
                timePerToken,
                status,
                errorCode,
                errorType,
                errorMessage,
                retryAfterSeconds,
                disconnectAfterChunks,
                reply,
                hang);
    }

    public Behaviour withTimeToFirstToken(Duration timeToFirstToken) {
        return withTiming(timeToFirstToken, timePerToken);
    }

    public Behaviour withTimePerToken(Duration timePerToken) {
        return withTiming(timeToFirstToken, timePerToken);
    }

    public Behaviour withStatus(int status) {
        return withError(status, null, null, null);
    }

    public Behaviour withError(int status, String errorCode, String errorType, String errorMessage) {
        return new Behaviour(
                timeToFirstToken,
                timePerToken,
                status,
                errorCode,
                errorType,
                errorMessage,
                retryAfterSeconds,
                disconnectAfterChunks,
                reply,
                hang);
    }

    public Behaviour withRetryAfterSeconds(Integer retryAfterSeconds) {
        return new Behaviour(
                timeToFirstToken,
                timePerToken,
                status,
                errorCode,
                errorType,
                errorMessage,
                retryAfterSeconds,
                disconnectAfterChunks,
                reply,
                hang);
    }

    public Behaviour withDisconnectAfterChunks(Integer disconnectAfterChunks) {
        return new Behaviour(
                timeToFirstToken,
                timePerToken,
                status,
                errorCode,
                errorType,
                errorMessage,
                retryAfterSeconds,
                disconnectAfterChunks,
                reply,
                hang);
    }

    public Behaviour withReply(String reply) {
        return new Behaviour(
                timeToFirstToken,
                timePerToken,
                status,
                errorCode,
                errorType,
                errorMessage,
                retryAfterSeconds,
                disconnectAfterChunks,
                reply,
                hang);
    }

    public Behaviour withHang(boolean hang) {
        return new Behaviour(
                timeToFirstToken,
                timePerToken,
                status,
                errorCode,
                errorType,
                errorMessage,
                retryAfterSeconds,
                disconnectAfterChunks,
                reply,
                hang);
    }

    public boolean isError() {
        return status != 200;
    }

    public String errorCodeOrDefault() {
        return Objects.requireNonNullElseGet(errorCode, () -> TogetherErrors.defaultCode(status));
    }

    public String errorTypeOrDefault() {
        return Objects.requireNonNullElseGet(errorType, () -> TogetherErrors.defaultType(status));
    }

    public String errorMessageOrDefault() {
        return Objects.requireNonNullElseGet(errorMessage, () -> TogetherErrors.defaultMessage(status));
    }

    public int retryAfterSecondsOrDefault() {
        return retryAfterSeconds == null ? 1 : retryAfterSeconds;
    }

    private static Duration requireNonNegative(Duration value, String name) {
        Duration duration = Objects.requireNonNullElse(value, Duration.ZERO);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return duration;
    }
}
