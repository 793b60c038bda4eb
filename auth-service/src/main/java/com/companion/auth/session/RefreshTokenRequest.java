package com.companion.auth.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record RefreshTokenRequest(@NotBlank @Size(max = 256) String refreshToken) {

    @Override
    public String toString() {
        return "RefreshTokenRequest[refreshToken=<hidden>]";
    }
}
