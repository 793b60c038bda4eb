package com.companion.auth.admin;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Why an admin bans or lifts a ban: kept in the security audit. The body may be left out (the design's API gives none):
 * the audit then says no reason was given. A reason that is sent must say something.
 */
record ModerationReason(
        @Nullable @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Size(max = 500)
        String reason) {

    static final String NONE_GIVEN = "(no reason given)";

    /** The reason to record: the one sent, else {@link #NONE_GIVEN}. */
    static String of(@Nullable ModerationReason request) {
        return request == null || request.reason() == null ? NONE_GIVEN : request.reason();
    }
}
