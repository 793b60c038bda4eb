package com.companion.auth;

import com.companion.platform.web.security.PlatformSecurity;
import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The routes a caller reaches without an access token: the ones that hand tokens out and the
 * public keys. Admin routes need the admin role at the filter as well as on the method.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * By path, whatever the method: these paths have one method each, and any other answers 405 with
     * {@code Allow} (as everywhere) rather than 401 to a caller without a token.
     */
    private static final RequestMatcher PUBLIC = new OrRequestMatcher(Stream.of(
                    "/auth/signup",
                    "/auth/login",
                    "/auth/refresh",
                    "/auth/logout",
                    "/auth/password/forgot",
                    "/auth/password/reset",
                    "/auth/email/verify",
                    "/auth/email/change/confirm",
                    "/billing/webhook",
                    "/auth/.well-known/jwks.json")
            .map(path ->
                    (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path))
            .toList());

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return PlatformSecurity.build(
                http,
                auth -> auth.requestMatchers(PUBLIC)
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole("admin"));
    }

    /**
     * A client whose access token has expired often still sends it when it calls refresh or
     * login; on the public routes the header is ignored instead of answering 401.
     */
    @Bean
    BearerTokenResolver bearerTokenResolver() {
        DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
        return (HttpServletRequest request) -> PUBLIC.matches(request) ? null : standard.resolve(request);
    }
}
