package com.companion.character.users;

import java.util.UUID;

/** The account is deleted. Published inside the transaction that applied the event; listeners act in it too. */
public record UserRemoved(UUID userId) {}
