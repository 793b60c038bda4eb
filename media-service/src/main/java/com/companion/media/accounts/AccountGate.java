package com.companion.media.accounts;

import com.companion.platform.web.security.TokenHolder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a caller whose account was disabled, banned or deleted, whatever its still-valid token
 * says: 401 {@code account-unavailable}; and a token of a device session that was signed out (its
 * {@code sid}): 401 {@code session-ended}. On every endpoint, before the handler runs.
 */
@Component
class AccountGate implements HandlerInterceptor, WebMvcConfigurer {

    private final GoneUsers goneUsers;

    AccountGate(GoneUsers goneUsers) {
        this.goneUsers = goneUsers;
    }

    /** Every request passes the gate. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Jwt token = TokenHolder.current().orElse(null);
        if (token == null) {
            return true;
        }
        if (goneUsers.isGone(UUID.fromString(token.getSubject()))) {
            throw TokenHolder.accountUnavailable();
        }
        UUID deviceSession = TokenHolder.deviceSession(token);
        if (deviceSession != null && goneUsers.isRevoked(deviceSession)) {
            throw TokenHolder.sessionEnded();
        }
        return true;
    }
}
