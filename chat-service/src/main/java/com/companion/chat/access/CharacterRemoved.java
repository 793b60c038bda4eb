package com.companion.chat.access;

import java.util.UUID;

/**
 * Published in-process, inside the transaction that applies a {@code CharacterDeleted}, for the features
 * that hold data about the character to erase it there.
 */
public record CharacterRemoved(UUID characterId) {}
