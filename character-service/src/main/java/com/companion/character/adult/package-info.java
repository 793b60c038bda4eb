/**
 * 18+ mode: the owner turns it on or off ({@code set-adult}); only an adult (by token and by the
 * read model) may turn it on, and it is switched off on every character of an owner who is
 * corrected to a minor.
 */
@NullMarked
package com.companion.character.adult;

import org.jspecify.annotations.NullMarked;
