package com.companion.ad.accounts;

import com.companion.platform.web.security.TokenHolder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses, on every endpoint and before the handler runs, a caller whose still-valid token belongs to an account that
 * was disabled, banned or deleted (401 {@code account-unavailable}), or to a device session that was signed out (401
 * {@code session-ended}), as every other service does. The facts come from {@link AccountErasure}.
 */
@Component
class AccountGate implements HandlerInterceptor, WebMvcConfigurer {

    private final JdbcClient jdbc;

    AccountGate(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        UUID user = UUID.fromString(token.getSubject());
        UUID deviceSession = TokenHolder.deviceSession(token);
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
            throw TokenHolder.accountUnavailable();
        }
        if (refused.contains("session")) {
            throw TokenHolder.sessionEnded();
        }
        return true;
    }
}
