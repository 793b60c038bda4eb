package com.companion.auth.account;

import com.companion.auth.account.internal.AcceptablePassword;
import com.companion.auth.account.internal.PlainText;
import com.companion.auth.account.internal.Usernames;
import com.companion.auth.account.internal.ValidPhoneNumber;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record SignupRequest(
        @NotNull @PlainText(max = 50) String firstName,

        @NotNull @PlainText(max = 50) String lastName,

        @NotBlank @Size(max = 254) @Email(regexp = EMAIL, message = "must be a valid email address")
        String email,

        @NotBlank @Pattern(regexp = Usernames.REGEX, message = Usernames.RULE)
        String username,

        @NotBlank @ValidPhoneNumber String phoneNumber,

        @NotBlank @Pattern(regexp = GENDER, message = GENDER_RULE)
        String gender,

        @NotNull
        @Min(value = 13, message = "must be at least 13 to sign up")
        @Max(value = 120, message = "must be at most 120")
        Integer age,

        @NotNull @AcceptablePassword String password) {

    static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
    static final String GENDER = "^(male|female|other)$";
    static final String GENDER_RULE = "must be one of male, female, other";

    @Override
    public String toString() {
        return "SignupRequest[username=" + username + ", password=<hidden>]";
    }
}
