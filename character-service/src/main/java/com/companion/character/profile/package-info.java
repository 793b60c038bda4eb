/**
 * Create, read, update and delete a character: name, description, type, personality sliders,
 * visibility and tags. Also removes the characters of a deleted account.
 */
@NullMarked
package com.companion.character.profile;

import org.jspecify.annotations.NullMarked;
