package com.companion.platform.web.security;

import com.companion.platform.web.problem.ApiProblem;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller's still-valid access token, as the services' account gates read it, and the two ways they refuse it: the
 * account is gone (disabled, banned or deleted: 401 {@code account-unavailable}) or the token's device session was
 * signed out ({@code sid}: 401 {@code session-ended}). Each service decides from what it knows; the answers are the
 * same everywhere.
 */
public final class TokenHolder {

    private TokenHolder() {}

    /** The bearer token of the request being handled, if it carries one. */
    public static Optional<Jwt> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Jwt jwt
                ? Optional.of(jwt)
                : Optional.empty();
    }

    /** The device session the token belongs to ({@code sid}), or null when it names none. */
    public static @Nullable UUID deviceSession(Jwt token) {
        String sid = token.getClaimAsString("sid");
        if (sid == null) {
            return null;
        }
        try {
            return UUID.fromString(sid);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static ApiProblem accountUnavailable() {
        return new ApiProblem(
                HttpStatus.UNAUTHORIZED, "account-unavailable", "Unauthorized", "This account is no longer available.");
    }

    public static ApiProblem sessionEnded() {
        return new ApiProblem(
                HttpStatus.UNAUTHORIZED, "session-ended", "Unauthorized", "You signed out on this device.");
    }
}
