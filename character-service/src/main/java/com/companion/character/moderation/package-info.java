/**
 * Moderation of what creators write. {@link com.companion.character.moderation.CharacterScreening}
 * is the one screening of a character's text (create, update, adult-mode changes, the re-screening of
 * rows written before it existed, and any future import); {@link
 * com.companion.character.moderation.CharacterModeration} records its outcome as the character's
 * moderation state; administrators take characters down and restore them.
 */
@NullMarked
package com.companion.character.moderation;

import org.jspecify.annotations.NullMarked;
