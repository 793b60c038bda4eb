/**
 * Avatars: {@code media.events.v1} uploads of kind avatar for a character the uploader owns set
 * its {@code avatar_url}; deleting that media clears it.
 */
@NullMarked
package com.companion.character.avatar;

import org.jspecify.annotations.NullMarked;
