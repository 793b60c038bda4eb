@NullMarked
package com.companion.character.card.internal;

import org.jspecify.annotations.NullMarked;
