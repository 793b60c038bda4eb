package com.companion.chat.access;

import com.companion.contracts.Plan;
import com.companion.contracts.auth.UserPersona;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What chat-service knows of a user from {@code auth.users.v1}; {@code planChangedAt} is when it learned of the latest
 * change of plan (null before any).
 */
public record UserView(
        UUID userId,
        Plan plan,
        boolean adult,
        boolean active,
        @Nullable String username,
        @Nullable UserPersona persona,
        @Nullable Instant planChangedAt) {}
