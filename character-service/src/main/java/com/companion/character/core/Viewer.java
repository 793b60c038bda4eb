package com.companion.character.core;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who is asking. {@code adult} is true only when the verified token says so and the
 * {@code auth.users.v1} read model agrees; an anonymous caller is never an adult.
 */
public record Viewer(@Nullable UUID userId, boolean adult) {

    public static final Viewer ANONYMOUS = new Viewer(null, false);

    public boolean owns(CharacterRow character) {
        return userId != null && userId.equals(character.ownerId());
    }

    public UUID requireUserId() {
        if (userId == null) {
            throw new IllegalStateException("an authenticated caller is required here");
        }
        return userId;
    }
}
