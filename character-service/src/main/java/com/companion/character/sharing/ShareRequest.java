package com.companion.character.sharing;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Either a grant to one user, named by {@code username} or {@code user_id}, or {@code link: true}
 * for a share link that expires after {@code expires_in_hours} (never, when absent).
 */
public record ShareRequest(
        @Nullable @Size(min = 1, max = 64) String username,
        @Nullable UUID userId,
        @Nullable Boolean link,
        @Nullable @Min(1) Integer expiresInHours) {

    public boolean wantsLink() {
        return Boolean.TRUE.equals(link);
    }
}
