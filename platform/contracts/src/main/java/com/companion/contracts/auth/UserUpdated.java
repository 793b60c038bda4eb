package com.companion.contracts.auth;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Plan;
import com.companion.contracts.Topics;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something other services care about changed (plan, adult flag, status, username, persona). Carries
 * the full snapshot after the change and the names of the fields that changed. {@code persona} is the
 * user's persona, null when they have none (and from producers before personas).
 */
public record UserUpdated(
        UUID userId,
        String username,
        Plan plan,
        boolean isAdult,
        UserStatus status,
        List<String> changed,
        @Nullable UserPersona persona)
        implements Event {

    public static final EventType<UserUpdated> TYPE =
            EventType.of("auth.user-updated", Topics.AUTH_USERS, UserUpdated.class);

    public UserUpdated {
        changed = List.copyOf(changed);
    }

    /** A change of a user without a persona. */
    public UserUpdated(
            UUID userId, String username, Plan plan, boolean isAdult, UserStatus status, List<String> changed) {
        this(userId, username, plan, isAdult, status, changed, null);
    }

    @Override
    public String partitionKey() {
        return userId.toString();
    }
}
