package com.companion.character.users;

import com.companion.contracts.auth.UserStatus;
import java.util.UUID;

public record KnownUser(UUID userId, String username, boolean isAdult, UserStatus status, boolean deleted) {}
