package com.companion.worker.reply;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How a reply is produced and published.
 *
 * @param deadline the most a request may take from pick-up to its outcome being decided; past it the
 *     user gets ReplyFailed {@code llm_timeout}
 * @param maxAge the most a request may take from the user's send ({@code requested_at}) to its outcome:
 *     a request older than this when picked up (a backlog, an outage) fails at once with
 *     {@code request_expired} without calling the model, and a generation is cut off when the request
 *     reaches it. Keep it well under chat-service's {@code CHAT_REQUEST_TIMEOUT}, after which chat-service
 *     has told the user it failed and would not store a reply (while ad-service would still count it)
 * @param chunkCoalesceWindow tokens arriving within this window of the last chunk are sent together;
 *     the first token of an attempt always leaves at once
 * @param chunkMaxChars a chunk is sent early once it holds this many characters
 * @param publishTimeout how long to wait for Kafka to acknowledge an outcome before the request is
 *     retried
 * @param screenWhileStreaming screen a reply while it streams, sentence by sentence, with the
 *     in-process guard, so a reply that turns bad is cut there rather than only at the end
 * @param screenAfterChars while streaming, a run of this many characters without a sentence end is
 *     screened as if it were a sentence; this bounds the text of each check
 */
@Validated
@ConfigurationProperties("worker.reply")
public record ReplyProperties(
        @NotNull Duration deadline,
        @NotNull Duration maxAge,
        @NotNull Duration chunkCoalesceWindow,
        @Positive int chunkMaxChars,
        @NotNull Duration publishTimeout,
        boolean screenWhileStreaming,
        @Positive int screenAfterChars) {}
