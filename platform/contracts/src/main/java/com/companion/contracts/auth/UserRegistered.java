package com.companion.contracts.auth;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Plan;
import com.companion.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/** A new account exists. Carries the full snapshot other services keep as a read model. */
public record UserRegistered(
        UUID userId, String username, Plan plan, boolean isAdult, UserStatus status, Instant registeredAt)
        implements Event {

    public static final EventType<UserRegistered> TYPE =
            EventType.of("auth.user-registered", Topics.AUTH_USERS, UserRegistered.class);

    @Override
    public String partitionKey() {
        return userId.toString();
    }
}
