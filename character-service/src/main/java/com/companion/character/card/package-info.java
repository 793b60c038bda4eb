/**
 * Character Cards: import (V1/V2/V3 JSON, PNG with a {@code chara} or {@code ccv3} tEXt chunk,
 * CHARX) and export (V3 JSON, PNG with both chunks, CHARX).
 */
@NullMarked
package com.companion.character.card;

import org.jspecify.annotations.NullMarked;
