package com.companion.gateway.auth;

import com.companion.gateway.web.Problems;
import io.netty.channel.ChannelOption;
import java.time.Instant;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * Verifies access tokens at the edge, so a request without a valid token never reaches a
 * service: RS256 only (so {@code alg: none} and HMAC tokens fail), signed by a key from
 * auth-service's JWKS, unexpired (with a small skew), from the expected issuer. Services verify
 * the token again; the gateway adds no identity headers of its own. Stateless: no session, no
 * saved requests, no CSRF (no cookies are used).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class EdgeSecurityConfiguration {

    private static final ServerAuthenticationEntryPoint UNAUTHORIZED = (exchange, ex) -> Problems.write(
            exchange,
            HttpStatus.UNAUTHORIZED,
            "unauthorized",
            "A valid access token is required.",
            headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));

    /** A signed-in caller without the role: 403, except on admin paths, which do not exist for them (404). */
    private static final ServerAccessDeniedHandler FORBIDDEN =
            (exchange, ex) -> exchange.getRequest().getPath().value().startsWith("/admin/")
                    ? Problems.write(exchange, HttpStatus.NOT_FOUND, "not-found", "No such resource.")
                    : Problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "You are not allowed to do this.");

    @Bean
    SecurityWebFilterChain edgeSecurity(
            ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder, CorsConfigurationSource cors) {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(roles);

        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(spec -> spec.configurationSource(cors))
                .authorizeExchange(exchanges -> exchanges
                        .matchers(
                                EdgeRoutes.TOKEN_ISSUING,
                                EdgeRoutes.TOKEN_OPTIONAL,
                                EdgeRoutes.OPERATIONS,
                                EdgeRoutes.WEB_APP)
                        .permitAll()
                        // analytics-service and chat-service answer 404 to non-admins themselves, so what they hold
                        // is not told.
                        .pathMatchers("/admin/analytics/**", "/admin/blocked-messages")
                        .authenticated()
                        .pathMatchers("/admin/**")
                        .hasRole("admin")
                        .anyExchange()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new EdgeTokenConverter())
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder)
                                .jwtAuthenticationConverter(
                                        new ReactiveJwtAuthenticationConverterAdapter(authentication)))
                        .authenticationEntryPoint(UNAUTHORIZED)
                        .accessDeniedHandler(FORBIDDEN))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(UNAUTHORIZED).accessDeniedHandler(FORBIDDEN))
                .build();
    }

    /**
     * What Spring Security's firewall refuses (an encoded slash or dot segment, a percent-encoded NUL or line break in
     * the path): 400 as the gateway's own problem, not an empty body.
     */
    @Bean
    ServerExchangeRejectedHandler exchangeRejectedHandler() {
        return (exchange, rejected) -> Problems.write(
                exchange,
                HttpStatus.BAD_REQUEST,
                "bad-request",
                "The request path is not allowed: it may not hold an encoded slash, backslash, percent sign or"
                        + " control character, nor a '.' or '..' segment.");
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(EdgeAuthProperties properties) {
        HttpClient http = HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                properties.jwksTimeout().toMillis());
        WebClient client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .build();
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(new JwksKeySource(client, properties))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtIssuerValidator(properties.issuer()),
                new JwtAudienceValidator(properties.audience())));
        return decoder;
    }
}
