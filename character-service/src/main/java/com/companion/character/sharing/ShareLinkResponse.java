package com.companion.character.sharing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The token is shown once: only its hash is stored. */
public record ShareLinkResponse(
        String token, String url, @Nullable Instant expiresAt) implements ShareResult {}
