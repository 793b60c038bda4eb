package com.companion.auth.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the password and email endpoints; secrets are kept out of {@code toString}. */
final class PasswordRequests {

    record ChangePassword(
            @NotBlank @Size(max = 1024) String currentPassword,
            @NotNull @Size(max = 1024) String newPassword) {

        @Override
        public String toString() {
            return "ChangePassword[<hidden>]";
        }
    }

    record ForgotPassword(
            @NotBlank @Size(max = 254) @Email(regexp = SignupRequest.EMAIL, message = "must be a valid email address")
            String email) {}

    record ResetPassword(
            @NotBlank @Size(max = 128) String token,
            @NotNull @Size(max = 1024) String newPassword) {

        @Override
        public String toString() {
            return "ResetPassword[<hidden>]";
        }
    }

    record TokenBody(@NotBlank @Size(max = 128) String token) {

        @Override
        public String toString() {
            return "TokenBody[<hidden>]";
        }
    }

    record ChangeEmail(
            @NotBlank @Size(max = 254) @Email(regexp = SignupRequest.EMAIL, message = "must be a valid email address")
            String newEmail,

            @NotBlank @Size(max = 1024) String password) {

        @Override
        public String toString() {
            return "ChangeEmail[newEmail=" + newEmail + ", password=<hidden>]";
        }
    }

    private PasswordRequests() {}
}
