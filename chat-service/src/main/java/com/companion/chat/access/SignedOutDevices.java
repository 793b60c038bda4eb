package com.companion.chat.access;

import com.companion.platform.web.security.TokenHolder;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses an HTTP request whose access token belongs to a device session auth-service ended early (logout, a device
 * revoked from the session list, a password change or reset, a ban): 401 {@code session-ended}, or {@code
 * account-unavailable} when the account itself is gone. The token itself stays valid until it expires, so without
 * this a signed-out device would keep working until then. Decided from the read model the socket sweep closes such
 * devices' sockets by ({@link ReadModels#revoked}); an answer is cached briefly per device session (a revocation is
 * final, so a revoked one is remembered for as long as it is cached). Runs before every controller, ahead of its
 * arguments' validation.
 */
@Configuration(proxyBeanMethods = false)
class SignedOutDevices implements WebMvcConfigurer, HandlerInterceptor {

    /** How long a device session's "still signed in" is trusted before the read model is asked again. */
    static final Duration SIGNED_IN_FOR = Duration.ofSeconds(1);

    private final ReadModels readModels;
    private final Cache<UUID, Boolean> signedIn = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(SIGNED_IN_FOR)
            .build();
    private final Cache<UUID, Boolean> signedOut = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(20))
            .build();

    SignedOutDevices(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Jwt jwt = TokenHolder.current().orElse(null);
        if (jwt == null) {
            return true;
        }
        UUID deviceSession = TokenHolder.deviceSession(jwt);
        if (deviceSession == null || !revoked(deviceSession)) {
            return true;
        }
        UUID userId = UUID.fromString(jwt.getSubject());
        if (!readModels.gone(Set.of(userId)).isEmpty()) {
            throw TokenHolder.accountUnavailable();
        }
        throw TokenHolder.sessionEnded();
    }

    private boolean revoked(UUID deviceSession) {
        if (signedOut.getIfPresent(deviceSession) != null) {
            return true;
        }
        if (signedIn.getIfPresent(deviceSession) != null) {
            return false;
        }
        boolean revoked = !readModels.revoked(Set.of(deviceSession)).isEmpty();
        (revoked ? signedOut : signedIn).put(deviceSession, Boolean.TRUE);
        return revoked;
    }
}
