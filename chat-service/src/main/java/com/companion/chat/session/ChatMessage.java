package com.companion.chat.session;

import java.time.Instant;
import java.util.UUID;

/**
 * A message as clients see it: {@code alternativeIndex} (0-based) and {@code alternativeCount} place
 * it among its siblings, the alternatives under the same parent (null for a session's first message).
 */
public record ChatMessage(
        UUID id,
        String role,
        String content,
        UUID requestId,
        Instant createdAt,
        UUID parentId,
        int alternativeIndex,
        int alternativeCount) {}
