package com.companion.chat.session;

import java.time.Instant;
import java.util.UUID;

public record ChatMessage(UUID id, String role, String content, UUID requestId, Instant createdAt) {}
