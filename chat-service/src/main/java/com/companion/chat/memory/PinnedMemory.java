package com.companion.chat.memory;

import java.time.Instant;
import java.util.UUID;

/** A fact the user pinned for one character: always in that character's prompts for this user. */
public record PinnedMemory(UUID id, UUID characterId, String content, Instant createdAt) {}
