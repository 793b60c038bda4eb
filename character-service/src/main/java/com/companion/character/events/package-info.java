/**
 * What crosses the boundary on {@code character.characters.v1}: one full snapshot per change,
 * through the outbox, in the transaction of the change.
 */
@NullMarked
package com.companion.character.events;

import org.jspecify.annotations.NullMarked;
