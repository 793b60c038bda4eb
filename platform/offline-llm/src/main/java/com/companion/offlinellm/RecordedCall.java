package com.companion.offlinellm;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A chat completion request as the server received it, with the HTTP status it was answered with
 * (for a cut-off or hanging call: the status it started to answer with), and the W3C
 * {@code traceparent} header it came with, if any.
 */
public record RecordedCall(
        String model,
        List<ChatMessage> messages,
        boolean stream,
        Integer maxTokens,
        Double temperature,
        Instant receivedAt,
        int status,
        String traceparent) {

    public RecordedCall {
        messages = List.copyOf(messages);
    }

    /**
     * Roughly what this call holds on the heap: two bytes a character (the worst case of a compact
     * string) plus a fixed overhead per object. An estimate for a memory budget, not a measurement.
     */
    long approximateBytes() {
        long bytes = 256 + 2L * (length(model) + length(traceparent));
        for (ChatMessage message : messages) {
            bytes += 64 + 2L * (message.role().length() + message.content().length());
        }
        return bytes;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    public Optional<String> systemPrompt() {
        return messages.stream()
                .filter(m -> m.role().equals("system"))
                .map(ChatMessage::content)
                .findFirst();
    }

    public Optional<String> lastUserMessage() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                return Optional.of(messages.get(i).content());
            }
        }
        return Optional.empty();
    }
}
