package com.companion.character.moderation;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Why an administrator takes a character down or restores it; kept in the moderation log. The body may be left out (the
 * design's API gives none): the log then says no reason was given. A reason that is sent must say something.
 */
public record ModerationRequest(
        @Nullable @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Size(max = 500)
        String reason) {

    public static final String NONE_GIVEN = "(no reason given)";

    /** The reason to record: the one sent, else {@link #NONE_GIVEN}. */
    public static String of(@Nullable ModerationRequest request) {
        return request == null || request.reason() == null ? NONE_GIVEN : request.reason();
    }
}
