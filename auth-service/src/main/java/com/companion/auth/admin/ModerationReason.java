package com.companion.auth.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an admin bans or lifts a ban: kept in the security audit. */
record ModerationReason(@NotBlank @Size(max = 500) String reason) {}
