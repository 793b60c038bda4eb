package com.companion.character.sharing;

import java.time.Instant;
import java.util.UUID;

public record GrantResponse(UUID characterId, UUID userId, String username, Instant grantedAt) implements ShareResult {}
