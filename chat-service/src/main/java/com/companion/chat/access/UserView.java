package com.companion.chat.access;

import com.companion.contracts.Plan;
import com.companion.contracts.auth.UserPersona;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What chat-service knows of a user from {@code auth.users.v1}. */
public record UserView(
        UUID userId,
        Plan plan,
        boolean adult,
        boolean active,
        @Nullable String username,
        @Nullable UserPersona persona) {}
