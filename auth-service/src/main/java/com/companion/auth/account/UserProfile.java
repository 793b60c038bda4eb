package com.companion.auth.account;

import com.companion.auth.account.internal.UserRow;
import com.companion.contracts.Plan;
import com.companion.contracts.auth.UserPersona;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An account as its owner (or an admin) sees it. {@code age} is the stated age plus the whole
 * years since it was stated; null for the bootstrapped admin, who stated none.
 */
public record UserProfile(
        UUID id,
        String firstName,
        String lastName,
        String email,
        boolean emailVerified,
        String username,
        String phoneNumber,
        Gender gender,
        Integer age,
        Plan plan,
        boolean isAdult,
        Instant createdAt,
        @Nullable UserPersona persona) {

    static UserProfile of(UserRow user, Instant now) {
        return new UserProfile(
                user.id(),
                user.firstName(),
                user.lastName(),
                user.email(),
                user.emailVerified(),
                user.username(),
                user.phoneNumber(),
                user.gender(),
                user.currentAge(now),
                user.plan(),
                user.isAdult(),
                user.createdAt(),
                user.persona());
    }
}
