package com.companion.auth.account;

import com.companion.auth.account.internal.UserStore;
import com.companion.auth.session.Sessions;
import com.companion.platform.web.security.TokenHolder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every request with an access token, before its handler runs (so before its body is read or validated): the
 * token's account must still be active and its device session ({@code sid}) still live, whatever the token's
 * remaining lifetime says. A disabled (banned) or deleted account answers 401 {@code account-unavailable}, the
 * answer chat- and media-service give; a device that was signed out (logout, revoked from the device list, a
 * password change or reset, a reused refresh token) answers 401 {@code session-ended}. Two primary-key lookups.
 * The open routes (sign-up, login, refresh, logout, password forgot and reset, mail links, JWKS, Stripe's
 * webhook) read no token, so they are not gated here; they have rules of their own.
 */
@Component
class AccountGate implements HandlerInterceptor, WebMvcConfigurer {

    private final UserStore users;
    private final Sessions sessions;

    AccountGate(UserStore users, Sessions sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/error");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken bearer)) {
            return true;
        }
        Jwt token = bearer.getToken();
        UUID userId = uuid(token.getSubject());
        if (userId == null || !users.isActive(userId)) {
            throw TokenHolder.accountUnavailable();
        }
        UUID sessionId = TokenHolder.deviceSession(token);
        if (sessionId == null || !sessions.isLive(sessionId, userId)) {
            throw TokenHolder.sessionEnded();
        }
        return true;
    }

    private static @Nullable UUID uuid(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
