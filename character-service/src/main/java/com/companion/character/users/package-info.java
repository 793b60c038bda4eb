/**
 * The {@code auth.users.v1} read model: usernames to resolve shares, and whether a user is an
 * adult. Applying an event may announce {@link com.companion.character.users.UserIsMinor} or
 * {@link com.companion.character.users.UserRemoved} or
 * {@link com.companion.character.users.UserStatusChanged} in the same transaction; the features that
 * own the effects listen (adult mode is switched off, characters and grants are removed, a banned
 * owner's characters are closed to others).
 */
@NullMarked
package com.companion.character.users;

import org.jspecify.annotations.NullMarked;
