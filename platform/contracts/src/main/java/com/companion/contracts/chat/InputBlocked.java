package com.companion.contracts.chat;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * chat-service's input guard refused a message (answered 400 {@code content-blocked}), so it never became a request.
 * Never carries the text: the refused text stays in chat-service for review. {@code categories} use Llama Guard's
 * S1–S14 codes where they fit; {@code policy} is the guard's policy code. A refusal in the worker's own input check is
 * a {@link ReplyBlocked} with stage {@code input} instead, so each refusal is told once. A refused memory (which has no
 * session) is not told here: it was never a message in a chat.
 */
public record InputBlocked(
        UUID blockId,
        UUID sessionId,
        UUID userId,
        UUID characterId,
        String policy,
        List<String> categories,
        Instant blockedAt)
        implements Event {

    public static final EventType<InputBlocked> TYPE =
            EventType.of("chat.input-blocked", Topics.CHAT_ACTIVITY, InputBlocked.class);

    public InputBlocked {
        categories = List.copyOf(categories);
    }

    @Override
    public String partitionKey() {
        return sessionId.toString();
    }
}
