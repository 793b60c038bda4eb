package com.companion.contracts.auth;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Plan;
import com.companion.contracts.Topics;
import java.util.List;
import java.util.UUID;

/**
 * Something other services care about changed (plan, adult flag, status, username). Carries the
 * full snapshot after the change and the names of the fields that changed.
 */
public record UserUpdated(
        UUID userId, String username, Plan plan, boolean isAdult, UserStatus status, List<String> changed)
        implements Event {

    public static final EventType<UserUpdated> TYPE =
            EventType.of("auth.user-updated", Topics.AUTH_USERS, UserUpdated.class);

    public UserUpdated {
        changed = List.copyOf(changed);
    }

    @Override
    public String partitionKey() {
        return userId.toString();
    }
}
