/**
 * Who may see a character: {@link com.companion.character.access.CharacterAccess} holds the one
 * rule, {@link com.companion.character.access.Viewers} turns a verified token into a
 * {@link com.companion.character.core.Viewer}.
 */
@NullMarked
package com.companion.character.access;

import org.jspecify.annotations.NullMarked;
