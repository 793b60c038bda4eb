package com.companion.chat.session;

import java.util.UUID;

/** A message of the tree as the server works with it. */
public record StoredMessage(UUID id, UUID sessionId, UUID parentId, String role, String content, UUID requestId) {

    public boolean fromUser() {
        return "user".equals(role);
    }
}
