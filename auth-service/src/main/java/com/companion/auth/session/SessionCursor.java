package com.companion.auth.session;

import com.companion.auth.session.internal.DeviceSessionStore.SessionRow;
import com.companion.platform.web.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The opaque cursor of the session list: base64url of the {@code last_used_at} and id of the last session on a
 * page. Anything else answers 400 {@code invalid-cursor}, as every other list does.
 */
final class SessionCursor {

    static String encode(SessionRow last) {
        String position = last.lastUsedAt() + "," + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    static SessionRow decode(String cursor) {
        try {
            String position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int comma = position.indexOf(',');
            if (comma < 0) {
                throw invalid();
            }
            return new SessionRow(
                    UUID.fromString(position.substring(comma + 1)),
                    null,
                    Instant.parse(position.substring(0, comma)),
                    null);
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    private static ApiProblem invalid() {
        return ApiProblem.badRequest("invalid-cursor", "The cursor is not valid.");
    }

    private SessionCursor() {}
}
