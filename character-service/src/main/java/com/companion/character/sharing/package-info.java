/**
 * Sharing a character: direct grants (by username or user id), share links (create, revoke,
 * redeem, anonymous preview) and revocation. A grant is what makes a shareable character visible;
 * the rule itself is in {@link com.companion.character.access.CharacterAccess}.
 */
@NullMarked
package com.companion.character.sharing;

import org.jspecify.annotations.NullMarked;
