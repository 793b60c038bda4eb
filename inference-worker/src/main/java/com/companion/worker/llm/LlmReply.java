package com.companion.worker.llm;

import org.jspecify.annotations.Nullable;

/**
 * A finished reply.
 *
 * @param text the final attempt's text, exactly the tokens the listener received for it
 * @param finishReason as the provider said ({@code stop}, {@code eos}, {@code length})
 * @param usage as the provider counted it, or estimated when it sent none
 * @param model the model that answered
 * @param attempts the final attempt's number (1 unless a stream broke and the reply started over)
 * @param retries calls retried before a stream began
 * @param fallbackFrom the preferred model when another model answered in its place (it could not serve this
 *     request, or is being skipped after refusing an earlier one); null when the preferred model answered
 */
public record LlmReply(
        String text,
        String finishReason,
        Usage usage,
        String model,
        int attempts,
        int retries,
        @Nullable String fallbackFrom) {

    public record Usage(int promptTokens, int completionTokens, int totalTokens, boolean estimated) {}
}
