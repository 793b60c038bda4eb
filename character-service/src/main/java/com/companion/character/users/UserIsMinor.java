package com.companion.character.users;

import java.util.UUID;

/**
 * The read model now says this user is not an adult (registered as a minor, or corrected to
 * one). Published inside the transaction that applied the event; listeners act in it too.
 */
public record UserIsMinor(UUID userId) {}
