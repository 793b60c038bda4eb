package com.companion.media.accounts;

import java.util.UUID;

/**
 * An account was deleted ({@code auth.user-deleted}): published inside the consumer's transaction
 * so that every feature erases what it holds on the user in that same transaction.
 */
public record AccountErased(UUID userId) {}
