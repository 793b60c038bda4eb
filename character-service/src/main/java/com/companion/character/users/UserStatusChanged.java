package com.companion.character.users;

import java.util.UUID;

/**
 * The read model now says this user's account is disabled (banned), or active again. Published inside the
 * transaction that applied the event; listeners act in it too.
 */
public record UserStatusChanged(UUID userId, boolean disabled) {}
