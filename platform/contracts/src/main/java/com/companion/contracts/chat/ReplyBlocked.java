package com.companion.contracts.chat;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Topics;
import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The content guard stopped this request. {@code stage} is {@code input} or {@code output};
 * {@code categories} use Llama Guard's S1–S14 codes where they fit; {@code refusal} is the
 * refusal, in character, that the user sees instead of a reply.
 *
 * <p>Schema version 2 renamed {@code user_message} (version 1) to {@code refusal}: the old name read
 * as the user's own message. Readers take both.
 */
public record ReplyBlocked(
        UUID requestId,
        UUID sessionId,
        UUID userId,
        UUID characterId,
        String stage,
        String policy,
        List<String> categories,
        @JsonAlias("user_message") String refusal,
        Instant blockedAt)
        implements Event {

    public static final EventType<ReplyBlocked> TYPE =
            EventType.of("chat.reply-blocked", Topics.REPLIES, 2, ReplyBlocked.class);

    public ReplyBlocked {
        categories = List.copyOf(categories);
    }

    @Override
    public String partitionKey() {
        return sessionId.toString();
    }
}
