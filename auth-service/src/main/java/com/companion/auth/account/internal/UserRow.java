package com.companion.auth.account.internal;

import com.companion.auth.account.Gender;
import com.companion.contracts.Plan;
import com.companion.contracts.auth.UserPersona;
import com.companion.contracts.auth.UserStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code users}, without the lockout counters. */
public record UserRow(
        UUID id,
        String username,
        String email,
        String phoneNumber,
        String firstName,
        String lastName,
        Gender gender,
        Integer age,
        Instant ageGivenAt,
        boolean isAdult,
        Plan plan,
        List<String> roles,
        UserStatus status,
        String passwordHash,
        Instant createdAt,
        boolean emailVerified,
        @Nullable UserPersona persona) {

    public static final String ROLE_USER = "user";
    public static final String ROLE_ADMIN = "admin";

    public UserRow {
        roles = List.copyOf(roles);
    }

    /** The stated age plus the whole years since it was stated: a lower bound of the age today. */
    public Integer currentAge(Instant now) {
        return age == null ? null : ageToday(age, ageGivenAt, now);
    }

    /** An age stated at {@code statedAt}, plus the whole years since. */
    public static int ageToday(int age, Instant statedAt, Instant now) {
        int years = Period.between(
                        LocalDate.ofInstant(statedAt, ZoneOffset.UTC), LocalDate.ofInstant(now, ZoneOffset.UTC))
                .getYears();
        return age + Math.max(0, years);
    }

    public boolean active() {
        return status == UserStatus.ACTIVE;
    }

    public static boolean adultAt(int age) {
        return age >= 18;
    }
}
