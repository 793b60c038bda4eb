package com.companion.character.access;

import com.companion.character.users.KnownUser;
import com.companion.character.users.UserDirectory;
import com.companion.contracts.auth.UserStatus;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.security.TokenHolder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a caller whose account the {@code auth.users.v1} read model knows as disabled (banned) or deleted, whatever
 * its still-valid token says, on every endpoint and before the handler runs: 401 {@code account-unavailable} for a
 * disabled account (as chat- and media-service answer), 401 {@code account-deleted} for a deleted one. An anonymous
 * caller of an open route and a user the read model does not know yet pass. A ban that arrives while a create is
 * under way is still caught there ({@code owner_disabled}). A token of a device session that was signed out (its {@code
 * sid}, from {@code auth.sessions.v1}) gets 401 {@code session-ended}.
 */
@Component
class AccountGate implements HandlerInterceptor, WebMvcConfigurer {

    private final UserDirectory users;

    AccountGate(UserDirectory users) {
        this.users = users;
    }

    /** Every request passes the gate. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Jwt token = TokenHolder.current().orElse(null);
        if (token != null) {
            refuseIfGone(users.find(UUID.fromString(token.getSubject())));
            UUID deviceSession = TokenHolder.deviceSession(token);
            if (deviceSession != null && users.sessionRevoked(deviceSession)) {
                throw TokenHolder.sessionEnded();
            }
        }
        return true;
    }

    static void refuseIfGone(Optional<KnownUser> known) {
        if (known.isEmpty()) {
            return;
        }
        if (known.get().deleted()) {
            throw new ApiProblem(
                    HttpStatus.UNAUTHORIZED, "account-deleted", "Unauthorized", "This account no longer exists.");
        }
        if (known.get().status() == UserStatus.DISABLED) {
            throw TokenHolder.accountUnavailable();
        }
    }
}
