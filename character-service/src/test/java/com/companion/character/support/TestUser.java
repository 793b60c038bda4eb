package com.companion.character.support;

import com.companion.platform.test.TestJwks;
import java.util.UUID;

/** A user as the test sees them: their id, the username the read model knows and a token. */
public record TestUser(UUID id, String username, boolean adultByToken) {

    public String token() {
        return TestJwks.shared().token(id, "free", adultByToken);
    }
}
