package com.companion.chat.access;

import java.util.UUID;

/**
 * Published in-process, inside the transaction that applies a {@code UserDeleted}, for the features
 * that hold the user's data to erase it there.
 */
public record AccountDeleted(UUID userId) {}
