package com.companion.auth.account.internal;

import com.companion.contracts.auth.UserDeleted;
import com.companion.contracts.auth.UserRegistered;
import com.companion.contracts.auth.UserUpdated;
import com.companion.platform.messaging.outbox.Outbox;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What other services learn about accounts, on {@code auth.users.v1} keyed by user id, written
 * to the outbox in the transaction of the change. The topic is compacted: the last record of a
 * user is the snapshot other services rebuild from, so a deletion stays as {@code UserDeleted}
 * (which holds no personal data) rather than a tombstone that a consumer could miss.
 */
@Component
public class UserEvents {

    public static final String PLAN = "plan";
    public static final String IS_ADULT = "is_adult";
    public static final String STATUS = "status";
    public static final String USERNAME = "username";
    public static final String PERSONA = "persona";

    private final Outbox outbox;

    UserEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void registered(UserRow user) {
        outbox.publish(new UserRegistered(
                user.id(), user.username(), user.plan(), user.isAdult(), user.status(), user.createdAt()));
    }

    public void updated(UserRow user, List<String> changed) {
        outbox.publish(new UserUpdated(
                user.id(), user.username(), user.plan(), user.isAdult(), user.status(), changed, user.persona()));
    }

    public void deleted(UUID userId) {
        outbox.publish(new UserDeleted(userId));
    }
}
