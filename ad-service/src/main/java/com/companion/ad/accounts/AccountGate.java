package com.companion.ad.accounts;

import com.companion.platform.web.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses, on every endpoint and before the handler runs, a caller whose still-valid token belongs to an account that
 * was disabled, banned or deleted (401 {@code account-unavailable}), or to a device session that was signed out (401
 * {@code session-ended}), as every other service does. The facts come from {@link AccountErasure}.
 */
@Component
class AccountGate implements HandlerInterceptor {

    private final JdbcClient jdbc;

    AccountGate(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken jwt)) {
            return true;
        }
        UUID user = UUID.fromString(jwt.getToken().getSubject());
        UUID deviceSession = uuid(jwt.getToken().getClaimAsString("sid"));
        List<String> refused = jdbc.sql("""
                        select case
                            when exists (select 1 from disabled_user where user_id = :user)
                              or exists (select 1 from erased_user where user_id = :user) then 'account'
                            when exists (select 1 from revoked_session where session_id = :session) then 'session'
                        end
                        """)
                .param("user", user)
                .param("session", deviceSession)
                .query(String.class)
                .list();
        if (refused.contains("account")) {
            throw new ApiProblem(
                    HttpStatus.UNAUTHORIZED,
                    "account-unavailable",
                    "Unauthorized",
                    "This account is no longer available.");
        }
        if (refused.contains("session")) {
            throw new ApiProblem(
                    HttpStatus.UNAUTHORIZED, "session-ended", "Unauthorized", "You signed out on this device.");
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
