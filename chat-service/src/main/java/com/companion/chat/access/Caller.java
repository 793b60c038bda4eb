package com.companion.chat.access;

import com.companion.contracts.Plan;
import com.companion.contracts.auth.UserPersona;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The caller as chat decides with: the token's claims, tightened by the users read model (a
 * user corrected to a minor, or a plan changed a moment ago, counts at once). {@code username} and
 * {@code persona} say who the user is in prompts: {@code {{user}}} is the persona's name, else the username.
 */
public record Caller(
        UUID userId,
        Plan plan,
        boolean adult,
        @Nullable String username,
        @Nullable UserPersona persona) {

    /** What {@code {{user}}} stands for: the persona's name, else the username, else "you". */
    public String displayName() {
        if (persona != null && !persona.name().isBlank()) {
            return persona.name();
        }
        return username == null || username.isBlank() ? "you" : username;
    }
}
