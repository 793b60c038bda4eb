package com.companion.chat.request;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one rendering of a request's outcome, for every way a client hears of it: the body of {@code
 * POST /chat/send} and of {@code GET /chat/requests/{id}}, the SSE {@code done}/{@code error}
 * events, and the WebSocket {@code assistant_done}/{@code assistant_error}/{@code ad} frames.
 */
public final class OutcomeView {

    private OutcomeView() {}

    /**
     * A completed or blocked request: the reply and, unless {@code ad_pending}, its ad decision. The whole message is
     * both {@code reply} (the send body's name) and {@code content} (the name the socket frame and {@code POST
     * /chat/continue}'s description use), so a client may read either on any endpoint.
     */
    public static Map<String, Object> done(RequestOutcome outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_id", outcome.requestId());
        body.put("message_id", outcome.messageId());
        body.put("reply", outcome.reply());
        body.put("content", outcome.reply());
        putAd(body, outcome);
        putSupport(body, outcome);
        return body;
    }

    /** Only when set: the user's message spoke of self-harm or abuse, so the client offers crisis resources. */
    private static void putSupport(Map<String, Object> body, RequestOutcome outcome) {
        if (outcome.support()) {
            body.put("support", true);
        }
    }

    /** A failed request: a stable code and a message fit to show. */
    public static Map<String, Object> error(RequestOutcome outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_id", outcome.requestId());
        body.put("code", outcome.errorCode() == null ? "failed" : outcome.errorCode());
        body.put("message", outcome.errorMessage() == null ? "The reply failed." : outcome.errorMessage());
        return body;
    }

    /** {@code GET /chat/requests/{id}}: where the request stands, and its answer once finished. */
    public static Map<String, Object> status(RequestOutcome outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_id", outcome.requestId());
        body.put("status", outcome.status());
        if (outcome.status() == RequestStatus.FAILED) {
            body.putAll(error(outcome));
        } else if (outcome.finished()) {
            body.putAll(done(outcome));
        }
        return body;
    }

    /** The WebSocket frame that ends a request. */
    public static Map<String, Object> socketFrame(RequestOutcome outcome) {
        if (outcome.status() == RequestStatus.FAILED) {
            Map<String, Object> frame = frame("assistant_error", outcome);
            frame.putAll(error(outcome));
            return frame;
        }
        Map<String, Object> frame = frame("assistant_done", outcome);
        frame.put("request_id", outcome.requestId());
        frame.put("message_id", outcome.messageId());
        frame.put("content", outcome.reply());
        putAd(frame, outcome);
        putSupport(frame, outcome);
        return frame;
    }

    /** The WebSocket frame for an ad decision that arrived after its reply was delivered. */
    public static Map<String, Object> adFrame(RequestOutcome outcome) {
        Map<String, Object> frame = frame("ad", outcome);
        frame.put("request_id", outcome.requestId());
        frame.put("show_ad", outcome.showAd());
        frame.put("ad_counter", outcome.adCounter());
        return frame;
    }

    private static Map<String, Object> frame(String type, RequestOutcome outcome) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", type);
        frame.put("session_id", outcome.sessionId());
        return frame;
    }

    private static void putAd(Map<String, Object> body, RequestOutcome outcome) {
        body.put("show_ad", outcome.showAd());
        body.put("ad_counter", outcome.adCounter());
        if (outcome.adPending()) {
            body.put("ad_pending", true);
        }
    }
}
