package com.companion.gateway.auth;

import static org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers.pathMatchers;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/** Which routes the edge opens, and how. Everything not named here needs a valid access token. */
final class EdgeRoutes {

    /**
     * The routes that hand tokens out, and the keys: open, and any Authorization header is
     * ignored (as auth-service does), so a client whose access token expired can still refresh,
     * log in or log out. Matched by path alone, as auth-service matches them: a wrong method gets
     * its 405 with {@code Allow} from there, not a 401 that would ask for a token the route does
     * not need.
     */
    static final ServerWebExchangeMatcher TOKEN_ISSUING = new OrServerWebExchangeMatcher(
            pathMatchers("/auth/signup", "/auth/login", "/auth/refresh", "/auth/logout"),
            pathMatchers("/auth/.well-known/jwks.json"),
            EdgeRoutes.accountLinks());

    /**
     * What a person does from a mailed link, signed in or not, and Stripe's webhook (verified by
     * its signature in auth-service): open, any Authorization header ignored.
     */
    static ServerWebExchangeMatcher accountLinks() {
        return pathMatchers(
                "/auth/password/forgot",
                "/auth/password/reset",
                "/auth/email/verify",
                "/auth/email/change/confirm",
                "/billing/webhook");
    }

    /**
     * One character by id, shaped as a UUID, so that {@code /characters/mine} and the other lists of one's own still
     * need a token here.
     */
    static final String CHARACTER_BY_ID =
            "/characters/{id:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    /**
     * Open to anonymous callers; a token, when sent, is verified and must be valid (the catalogue
     * shows adult characters to adults only). Reading a character by id is open as its catalogue entry is:
     * character-service answers an anonymous caller what a signed-in stranger gets, 404 for what they may
     * not see. The socket may also authenticate with its first
     * frame, which chat-service verifies; so may Socket.IO, in its namespace handshake. Media content redirects serve avatars to {@code <img>}
     * tags; media-service decides which objects an anonymous caller may fetch.
     */
    static final ServerWebExchangeMatcher TOKEN_OPTIONAL = new OrServerWebExchangeMatcher(
            pathMatchers(
                    HttpMethod.GET, "/characters/public", CHARACTER_BY_ID, "/characters/shared/*", "/media/*/content"),
            EdgeRoutes.socket(),
            EdgeRoutes.socketIo());

    static final ServerWebExchangeMatcher OPERATIONS = pathMatchers(
            "/actuator/health",
            "/actuator/health/**",
            "/actuator/info",
            "/actuator/prometheus",
            "/docs",
            "/docs/**",
            "/webjars/**",
            "/swagger-ui/**",
            "/v3/api-docs",
            "/v3/api-docs/**");

    /**
     * Socket.IO (polling and WebSocket): the token comes inside the protocol, in the {@code /chat}
     * namespace's handshake ({@code auth.token}), and the gateway's Socket.IO server verifies it.
     */
    static ServerWebExchangeMatcher socketIo() {
        return pathMatchers("/socket.io", "/socket.io/");
    }

    /** The web client's static files (index.html, scripts, styles): open, they hold nothing private. */
    static final ServerWebExchangeMatcher WEB_APP = pathMatchers(HttpMethod.GET, "/app", "/app/**");

    static ServerWebExchangeMatcher socket() {
        return pathMatchers(HttpMethod.GET, "/ws");
    }

    private EdgeRoutes() {}
}
