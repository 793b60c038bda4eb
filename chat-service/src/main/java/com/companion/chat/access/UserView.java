package com.companion.chat.access;

import com.companion.contracts.Plan;
import java.util.UUID;

/** What chat-service knows of a user from {@code auth.users.v1}. */
public record UserView(UUID userId, Plan plan, boolean adult, boolean active) {}
