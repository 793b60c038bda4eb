package com.companion.contracts.chat;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Topics;
import java.util.UUID;

/**
 * A piece of a reply while it streams. {@code seq} starts at 0 for each attempt; when a
 * generation is restarted, chunks of the new {@code attempt} replace everything of earlier ones.
 */
public record ReplyChunk(UUID requestId, UUID sessionId, int attempt, int seq, String text) implements Event {

    public static final EventType<ReplyChunk> TYPE =
            EventType.of("chat.reply-chunk", Topics.REPLY_CHUNKS, ReplyChunk.class);

    @Override
    public String partitionKey() {
        return sessionId.toString();
    }
}
