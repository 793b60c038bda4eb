package com.companion.media.accounts;

import com.companion.platform.web.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a caller whose account was disabled, banned or deleted, whatever its still-valid token
 * says: 401 {@code account-unavailable}, on every endpoint, before the handler runs.
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
        if (authentication instanceof JwtAuthenticationToken jwt
                && goneUsers.isGone(UUID.fromString(jwt.getToken().getSubject()))) {
            throw new ApiProblem(
                    HttpStatus.UNAUTHORIZED,
                    "account-unavailable",
                    "Unauthorized",
                    "This account is no longer available.");
        }
        return true;
    }
}
