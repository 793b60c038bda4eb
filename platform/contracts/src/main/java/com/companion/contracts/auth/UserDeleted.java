package com.companion.contracts.auth;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Topics;
import java.util.UUID;

public record UserDeleted(UUID userId) implements Event {

    public static final EventType<UserDeleted> TYPE =
            EventType.of("auth.user-deleted", Topics.AUTH_USERS, UserDeleted.class);

    @Override
    public String partitionKey() {
        return userId.toString();
    }
}
