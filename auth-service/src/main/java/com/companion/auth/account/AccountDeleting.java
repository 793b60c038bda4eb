package com.companion.auth.account;

import java.util.UUID;

/**
 * An account is being deleted: published inside the deleting transaction, before the row goes,
 * so features holding something outside the database (a Stripe subscription) can act on it.
 */
public record AccountDeleting(UUID userId) {}
