/**
 * The character aggregate every feature builds on: its row ({@link com.companion.character.core.CharacterRow}),
 * its storage ({@link com.companion.character.core.CharacterStore}, {@link com.companion.character.core.Grants}),
 * the caller ({@link com.companion.character.core.Viewer}) and the one API view of a character
 * ({@link com.companion.character.core.CharacterResponse}). Depends on no feature package.
 */
@NullMarked
package com.companion.character.core;

import org.jspecify.annotations.NullMarked;
