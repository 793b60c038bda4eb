package com.companion.media.accounts;

import com.companion.platform.web.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a caller whose account was disabled, banned or deleted, whatever its still-valid token
 * says: 401 {@code account-unavailable}; and a token of a device session that was signed out (its
 * {@code sid}): 401 {@code session-ended}. On every endpoint, before the handler runs.
 */
@Component
class AccountGate implements HandlerInterceptor {

    private final GoneUsers goneUsers;

    AccountGate(GoneUsers goneUsers) {
        this.goneUsers = goneUsers;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken jwt)) {
            return true;
        }
        if (goneUsers.isGone(UUID.fromString(jwt.getToken().getSubject()))) {
            throw new ApiProblem(
                    HttpStatus.UNAUTHORIZED,
                    "account-unavailable",
                    "Unauthorized",
                    "This account is no longer available.");
        }
        UUID deviceSession = deviceSession(jwt.getToken().getClaimAsString("sid"));
        if (deviceSession != null && goneUsers.isRevoked(deviceSession)) {
            throw new ApiProblem(
                    HttpStatus.UNAUTHORIZED, "session-ended", "Unauthorized", "You signed out on this device.");
        }
        return true;
    }

    private static @Nullable UUID deviceSession(@Nullable String sid) {
        if (sid == null) {
            return null;
        }
        try {
            return UUID.fromString(sid);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
