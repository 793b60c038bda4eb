package com.companion.chat.session;

import java.time.Instant;
import java.util.UUID;

/**
 * A session as clients see it. {@code lastMessagePreview}, {@code lastMessageAt} and {@code
 * messageCount} describe its active path (null, null and 0 while it is empty).
 */
public record ChatSession(
        UUID id,
        UUID userId,
        UUID characterId,
        String title,
        long adCounter,
        Instant createdAt,
        Instant lastActivityAt,
        boolean pinned,
        boolean archived,
        String lastMessagePreview,
        Instant lastMessageAt,
        int messageCount) {

    public static ChatSession started(UUID id, UUID userId, UUID characterId, String title, Instant now) {
        return new ChatSession(id, userId, characterId, title, 0, now, now, false, false, null, null, 0);
    }
}
