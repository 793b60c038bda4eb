package com.companion.auth.login;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code identifier}: a username, an email, or a phone number in any common format. */
public record LoginRequest(
        @NotBlank @Size(max = 254) String identifier,
        @NotBlank @Size(max = 1024) String password) {

    @Override
    public String toString() {
        return "LoginRequest[password=<hidden>]";
    }
}
