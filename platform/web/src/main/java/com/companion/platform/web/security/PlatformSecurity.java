package com.companion.platform.web.security;

import com.companion.platform.web.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The security every servlet service shares: stateless, bearer tokens verified against
 * auth-service's JWKS, roles from the {@code roles} claim, problems for 401 and 403 (404 under {@code /admin/},
 * see {@link Problems#accessDenied}). A service
 * adds only its own rules; anything it does not open needs a valid token.
 */
public final class PlatformSecurity {

    public static final String[] OPEN_OPERATIONS = {
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        "/actuator/prometheus",
        "/error",
        "/v3/api-docs",
        "/v3/api-docs/**"
    };

    private static final AuthenticationEntryPoint UNAUTHORIZED = (request, response, ex) -> {
        response.setHeader("WWW-Authenticate", "Bearer");
        Problems.write(
                request,
                response,
                Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "A valid access token is required."));
    };

    private static final AccessDeniedHandler FORBIDDEN =
            (request, response, ex) -> Problems.write(request, response, Problems.accessDenied(request));

    private PlatformSecurity() {}

    public static SecurityFilterChain build(
            HttpSecurity http,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> rules)
            throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(UNAUTHORIZED).accessDeniedHandler(FORBIDDEN))
                .oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(authenticationConverter()))
                        .authenticationEntryPoint(UNAUTHORIZED)
                        .accessDeniedHandler(FORBIDDEN))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(OPEN_OPERATIONS).permitAll();
                    rules.customize(auth);
                    auth.anyRequest().authenticated();
                });
        return http.build();
    }

    public static JwtAuthenticationConverter authenticationConverter() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }
}
