package com.companion.platform.web.security;

import com.companion.contracts.Plan;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller, as read from a verified access token: the only source of a user id a service
 * trusts. Controllers take it as a parameter.
 */
public record AuthenticatedUser(
        UUID userId,
        String username,
        Plan plan,
        boolean isAdult,
        List<String> roles,
        @Nullable Instant issuedAt) {

    public static AuthenticatedUser from(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        Boolean adult = jwt.getClaimAsBoolean("is_adult");
        String plan = jwt.getClaimAsString("plan");
        return new AuthenticatedUser(
                UUID.fromString(jwt.getSubject()),
                jwt.getClaimAsString("username"),
                plan == null ? Plan.FREE : Plan.fromWire(plan),
                Boolean.TRUE.equals(adult),
                roles == null ? List.of() : List.copyOf(roles),
                jwt.getIssuedAt());
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
