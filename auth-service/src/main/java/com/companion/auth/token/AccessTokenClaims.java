package com.companion.auth.token;

import com.companion.contracts.Plan;
import java.util.List;
import java.util.UUID;

/** What an access token says about its holder; {@code sessionId} names the device session ({@code sid}). */
public record AccessTokenClaims(
        UUID userId, String username, Plan plan, boolean isAdult, List<String> roles, UUID sessionId) {

    public AccessTokenClaims {
        roles = List.copyOf(roles);
    }
}
