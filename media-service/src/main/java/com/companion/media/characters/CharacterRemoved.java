package com.companion.media.characters;

import java.util.UUID;

/**
 * Published (in-process) inside the transaction that records a character's deletion, so that
 * whatever media belongs to the character can go in the same transaction.
 */
public record CharacterRemoved(UUID characterId) {}
