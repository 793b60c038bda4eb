package com.companion.auth.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An age an admin has verified, and why it is set: the reason goes to the security audit. */
public record AgeRequest(
        @NotNull @Min(value = 13, message = "must be at least 13") @Max(value = 120, message = "must be at most 120")
        Integer age,

        @NotBlank @Size(max = 500) String reason) {}
