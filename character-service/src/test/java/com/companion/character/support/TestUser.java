package com.companion.character.support;

import com.companion.platform.test.TestJwks;
import java.util.List;
import java.util.UUID;

/**
 * A user as the test sees them: their id, the username the read model knows, a token, and the
 * token's roles ({@code user} when none are given).
 */
public record TestUser(UUID id, String username, boolean adultByToken, List<String> roles) {

    public TestUser {
        roles = List.copyOf(roles);
    }

    public TestUser(UUID id, String username, boolean adultByToken) {
        this(id, username, adultByToken, List.of());
    }

    public String token() {
        return TestJwks.shared().token(id, "free", adultByToken, roles.toArray(String[]::new));
    }
}
