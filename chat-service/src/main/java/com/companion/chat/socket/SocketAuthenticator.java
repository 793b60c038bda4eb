package com.companion.chat.socket;

import com.companion.platform.web.security.AuthenticatedUser;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Checks the access token a socket presents (in the upgrade URL or an {@code auth} frame) with the
 * same decoder as HTTP requests. A renewed token must name the same user.
 */
@Component
class SocketAuthenticator {

    private final JwtDecoder jwtDecoder;

    SocketAuthenticator(JwtDecoder jwtDecoder) {
        this.jwtDecoder = jwtDecoder;
    }

    /** True when the token is valid (and, on a socket already authenticated, for the same user). */
    boolean authenticate(Socket socket, String token) {
        try {
            Jwt jwt = jwtDecoder.decode(token);
            AuthenticatedUser user = AuthenticatedUser.from(jwt);
            AuthenticatedUser current = socket.user();
            if (current != null && !current.userId().equals(user.userId())) {
                return false;
            }
            socket.identify(new Socket.Identity(user, jwt.getExpiresAt(), deviceSession(jwt)));
            return true;
        } catch (JwtException | IllegalArgumentException e) {
            return false;
        }
    }

    private static UUID deviceSession(Jwt jwt) {
        try {
            String sid = jwt.getClaimAsString("sid");
            return sid == null ? null : UUID.fromString(sid);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
