/**
 * Lists of characters: the public catalogue (full-text search, tag and type filters) and the
 * caller's own characters, both keyset-paginated in one stable order.
 */
@NullMarked
package com.companion.character.catalogue;

import org.jspecify.annotations.NullMarked;
