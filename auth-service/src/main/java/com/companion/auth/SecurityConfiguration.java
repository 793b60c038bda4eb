package com.companion.auth;

import com.companion.platform.web.security.PlatformSecurity;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
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

    private static final RequestMatcher PUBLIC = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/auth/signup"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/auth/login"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/auth/refresh"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/auth/logout"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/auth/password/forgot"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/auth/password/reset"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/auth/email/verify"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/auth/email/change/confirm"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/billing/webhook"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/auth/.well-known/jwks.json"));

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
