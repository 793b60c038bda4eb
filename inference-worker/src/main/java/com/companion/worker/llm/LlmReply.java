package com.companion.worker.llm;

/**
 * A finished reply.
 *
 * @param text the final attempt's text, exactly the tokens the listener received for it
 * @param finishReason as the provider said ({@code stop}, {@code eos}, {@code length})
 * @param usage as the provider counted it, or estimated when it sent none
 * @param model the model that answered
 * @param attempts the final attempt's number (1 unless a stream broke and the reply started over)
 * @param retries calls retried before a stream began
 */
public record LlmReply(String text, String finishReason, Usage usage, String model, int attempts, int retries) {

    public record Usage(int promptTokens, int completionTokens, int totalTokens, boolean estimated) {}
}
