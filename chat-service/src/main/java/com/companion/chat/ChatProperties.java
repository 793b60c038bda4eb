package com.companion.chat;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param historyWindow how many earlier messages a request carries to the worker
 * @param historyTokenBudget the window is trimmed (oldest first) to about this many tokens
 * @param sendWait how long {@code POST /chat/send} waits for the reply before answering 202
 * @param requestTimeout after this a pending request no longer blocks its session and is failed
 * @param maxMessageLength longest user message accepted, in characters
 * @param sendsPerMinute messages one user may send per minute over HTTP, SSE and WebSocket together
 * @param readModelWait how long a new session waits for a character that is not in the read model yet
 *     (created, published or shared a moment ago) before answering 404
 * @param guardContextMessages how many of the session's latest messages the input guard reads with a new message, so
 *     that an age stated earlier in a roleplay counts when the next message turns sexual
 * @param adWait how long a finished reply is held back for its ad decision when that is not in yet, once
 *     ad-service has been seen behind (a decision that missed its wait); past it the reply goes out with
 *     {@code ad_pending: true} and the decision follows on its own (sockets: an {@code ad} frame; {@code GET
 *     /chat/requests/{id}})
 * @param adWaitMax the same wait while ad-service keeps up: long enough that a busy machine still puts the
 *     decision on every reply, paid by at most one reply when ad-service stops
 * @param freeDailyMessages requests for a reply (sends, edits, regenerations, continuations) a free user may make
 *     per UTC day
 * @param titleAfterReplies a session the user has not named gets a generated title after this many replies (0:
 *     never)
 */
@Validated
@ConfigurationProperties("chat")
public record ChatProperties(
        @Min(0) int historyWindow,
        @Min(100) int historyTokenBudget,
        @NotNull Duration sendWait,
        @NotNull Duration requestTimeout,
        @Min(1) int maxMessageLength,
        @Min(1) int sendsPerMinute,
        @Min(6) int guardContextMessages,
        @NotNull Duration readModelWait,
        @NotNull Duration adWait,
        @NotNull Duration adWaitMax,
        @Min(1) int freeDailyMessages,
        @Min(0) int titleAfterReplies) {}
