package com.companion.chat.session;

import java.time.Instant;
import java.util.UUID;

public record ChatSession(
        UUID id,
        UUID userId,
        UUID characterId,
        String title,
        long adCounter,
        Instant createdAt,
        Instant lastActivityAt) {}
