package com.companion.auth.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Deleting an account asks for its password again, checked with the same lockout as a login. */
public record DeleteAccountRequest(
        @NotBlank @Size(max = 1024) String password) {

    @Override
    public String toString() {
        return "DeleteAccountRequest[password=<hidden>]";
    }
}
