package com.companion.auth.account;

import com.companion.auth.account.internal.PlainText;
import com.companion.auth.account.internal.Usernames;
import com.companion.auth.account.internal.ValidPhoneNumber;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * The profile fields an owner may change; an absent (or null) field stays as it is. A new age
 * is a correction downwards, stored with the moment it was given; see {@link AccountService}. A new
 * username is published in {@code UserUpdated} (changed {@code username}); 409 when it is taken.
 */
public record ProfilePatch(
        @PlainText(max = 50) String firstName,

        @PlainText(max = 50) String lastName,

        @Pattern(regexp = SignupRequest.GENDER, message = SignupRequest.GENDER_RULE)
        String gender,

        @ValidPhoneNumber String phoneNumber,

        @Min(value = 13, message = "must be at least 13") @Max(value = 120, message = "must be at most 120")
        Integer age,

        @Pattern(regexp = Usernames.REGEX, message = Usernames.RULE)
        String username) {}
