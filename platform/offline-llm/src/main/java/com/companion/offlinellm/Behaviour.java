package com.companion.offlinellm;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How the server answers a chat completion: timing, an optional Together-style error, an optional
 * fault (cut the stream after some chunks, or never answer) and an optional fixed reply.
 *
 * <p>Error code, type and message left null take Together's values for the status (see {@link
 * #errorCodeOrDefault()} and friends). {@code retryAfterSeconds} applies to 429 only (default 1);
 * {@code headers}, when not empty, replace the default rate-limit headers of an error answer (to
 * script {@code retry-after-ms} or {@code x-ratelimit-reset} alone). {@code disconnectAfterChunks}
 * cuts the connection after that many content chunks (streaming) or in the middle of the body
 * (non-streaming). {@code hang} accepts the request and never answers. {@code variedReplies} puts a sentence made
 * of random parts into each generated reply ({@link #withVariedReplies}).
 *
 * <p>{@code quirks} are stream shapes Together sends and a naive reader trips over (see {@link
 * StreamQuirk}); {@code fault} is what goes wrong in a stream after {@code faultAfterChunks} content
 * chunks (see {@link StreamFault}).
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
        boolean hang,
        Map<String, String> headers,
        Set<StreamQuirk> quirks,
        StreamFault fault,
        int faultAfterChunks,
        boolean variedReplies) {

    /** Stream shapes that real providers send and a well-behaved test server would not. */
    public enum StreamQuirk {
        /** The last content chunk carries no usage; a final chunk with {@code "choices": []} carries it. */
        USAGE_CHUNK_WITHOUT_CHOICES,
        /** A role-only first delta and an empty delta between tokens, both with {@code "content": null}. */
        NULL_CONTENT,
        /** A {@code : ping} comment before every event. */
        PINGS,
        /** {@code id:} lines, and an extra event with a name of its own between chunks. */
        EVENT_LINES,
        /** Every chunk's JSON spread over several {@code data:} lines of one event. */
        MULTILINE_DATA
    }

    /** What goes wrong in a stream once {@code faultAfterChunks} content chunks were sent. */
    public enum StreamFault {
        NONE,
        /** {@code data: {"error": ...}} with the behaviour's error code, type and message, then the end. */
        ERROR_EVENT,
        /** The same error as an {@code event: error} event. */
        NAMED_ERROR_EVENT,
        /** A chunk with {@code "finish_reason": "error"}, then {@code [DONE]}. */
        FINISH_ERROR,
        /** Only {@code : ping} comments from then on (every 100 ms), until the client goes away. */
        STALL_WITH_PINGS
    }

    private static final Behaviour NORMAL = new Behaviour(
            Duration.ofMillis(20),
            Duration.ofMillis(5),
            200,
            null,
            null,
            null,
            null,
            null,
            null,
            false,
            Map.of(),
            Set.of(),
            StreamFault.NONE,
            2,
            false);

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
        if (faultAfterChunks < 0) {
            throw new IllegalArgumentException("faultAfterChunks must not be negative");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        quirks = quirks == null || quirks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(quirks));
        fault = Objects.requireNonNullElse(fault, StreamFault.NONE);
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

    /** 400 {@code dedicated_endpoint_not_running}, as for a model whose dedicated endpoint is stopped. */
    public static Behaviour endpointNotRunning() {
        return NORMAL.withError(400, "dedicated_endpoint_not_running", "invalid_request_error", null);
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

    /** A normal reply streamed with these quirks. */
    public static Behaviour quirky(StreamQuirk... quirks) {
        return NORMAL.withQuirks(quirks);
    }

    /** A stream that goes wrong this way after {@code chunks} content chunks. */
    public static Behaviour faultAfter(int chunks, StreamFault fault) {
        return NORMAL.withFault(fault, chunks);
    }

    /**
     * Replies that carry a sentence made of parts picked at random (one of about 3,500), so that replies almost never
     * repeat, as a real model's do not: a benchmark of what screening a reply costs must not find its sentences already
     * embedded from the replies before.
     */
    public Behaviour withVariedReplies(boolean variedReplies) {
        return with(b -> b.variedReplies = variedReplies);
    }

    public Behaviour withTiming(Duration timeToFirstToken, Duration timePerToken) {
        return with(b -> {
            b.timeToFirstToken = timeToFirstToken;
            b.timePerToken = timePerToken;
        });
    }

    public Behaviour withTimeToFirstToken(Duration timeToFirstToken) {
        return with(b -> b.timeToFirstToken = timeToFirstToken);
    }

    public Behaviour withTimePerToken(Duration timePerToken) {
        return with(b -> b.timePerToken = timePerToken);
    }

    public Behaviour withStatus(int status) {
        return withError(status, null, null, null);
    }

    public Behaviour withError(int status, String errorCode, String errorType, String errorMessage) {
        return with(b -> {
            b.status = status;
            b.errorCode = errorCode;
            b.errorType = errorType;
            b.errorMessage = errorMessage;
        });
    }

    public Behaviour withRetryAfterSeconds(Integer retryAfterSeconds) {
        return with(b -> b.retryAfterSeconds = retryAfterSeconds);
    }

    public Behaviour withDisconnectAfterChunks(Integer disconnectAfterChunks) {
        return with(b -> b.disconnectAfterChunks = disconnectAfterChunks);
    }

    public Behaviour withReply(String reply) {
        return with(b -> b.reply = reply);
    }

    public Behaviour withHang(boolean hang) {
        return with(b -> b.hang = hang);
    }

    /** Response headers of an error answer, instead of the default rate-limit headers. */
    public Behaviour withHeaders(Map<String, String> headers) {
        return with(b -> b.headers = headers);
    }

    public Behaviour withQuirks(StreamQuirk... quirks) {
        return withQuirks(Set.of(quirks));
    }

    public Behaviour withQuirks(Set<StreamQuirk> quirks) {
        return with(b -> b.quirks = quirks);
    }

    public Behaviour withFault(StreamFault fault, int afterChunks) {
        return with(b -> {
            b.fault = fault;
            b.faultAfterChunks = afterChunks;
        });
    }

    /** This behaviour with what {@code change} sets; the canonical constructor checks the result. */
    private Behaviour with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** The components of a behaviour, to change a few of them: the one place besides the record that lists them all. */
    private static final class Copy {
        Duration timeToFirstToken;
        Duration timePerToken;
        int status;
        String errorCode;
        String errorType;
        String errorMessage;
        Integer retryAfterSeconds;
        Integer disconnectAfterChunks;
        String reply;
        boolean hang;
        Map<String, String> headers;
        Set<StreamQuirk> quirks;
        StreamFault fault;
        int faultAfterChunks;
        boolean variedReplies;

        Copy(Behaviour b) {
            timeToFirstToken = b.timeToFirstToken;
            timePerToken = b.timePerToken;
            status = b.status;
            errorCode = b.errorCode;
            errorType = b.errorType;
            errorMessage = b.errorMessage;
            retryAfterSeconds = b.retryAfterSeconds;
            disconnectAfterChunks = b.disconnectAfterChunks;
            reply = b.reply;
            hang = b.hang;
            headers = b.headers;
            quirks = b.quirks;
            fault = b.fault;
            faultAfterChunks = b.faultAfterChunks;
            variedReplies = b.variedReplies;
        }

        Behaviour build() {
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
                    hang,
                    headers,
                    quirks,
                    fault,
                    faultAfterChunks,
                    variedReplies);
        }
    }

    public boolean has(StreamQuirk quirk) {
        return quirks.contains(quirk);
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
