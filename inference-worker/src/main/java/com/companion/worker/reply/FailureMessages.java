package com.companion.worker.reply;

/** What the user reads when no reply could be made: plain words, no codes, nothing technical. */
final class FailureMessages {

    static final String INTERNAL = "internal";

    static String forReason(String reason) {
        return switch (reason) {
            case "llm_timeout" ->
                "Sorry, that took too long and I couldn't finish my reply. Please send your message again.";
            case "request_expired" -> "Sorry, I couldn't get to your message in time. Please send it again.";
            case "llm_rate_limited" -> "Lots of people are chatting right now. Please wait a moment and try again.";
            case "llm_unavailable" -> "I can't reply right now. Please try again in a little while.";
            case "llm_rejected" -> "Sorry, I couldn't reply to that message. Please try again later.";
            case "llm_stream_broken" -> "My reply got cut off. Please send your message again.";
            default -> "Something went wrong on our side. Please try again.";
        };
    }

    private FailureMessages() {}
}
