package com.companion.gateway.auth;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Finds the bearer token of a request: the Authorization header everywhere, plus {@code
 * ?access_token=} on the WebSocket upgrade (browsers cannot set headers on a socket); no token
 * at all on the token-issuing routes.
 */
final class EdgeTokenConverter implements ServerAuthenticationConverter {

    private final ServerWebExchangeMatcher socket = EdgeRoutes.socket();
    private final ServerBearerTokenAuthenticationConverter header = new ServerBearerTokenAuthenticationConverter();
    private final ServerBearerTokenAuthenticationConverter headerOrQuery =
            new ServerBearerTokenAuthenticationConverter();

    EdgeTokenConverter() {
        headerOrQuery.setAllowUriQueryParameter(true);
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return EdgeRoutes.TOKEN_ISSUING
                .matches(exchange)
                .filter(match -> !match.isMatch())
                .flatMap(notIssuing -> socket.matches(exchange))
                .flatMap(match -> (match.isMatch() ? headerOrQuery : header).convert(exchange));
    }
}
