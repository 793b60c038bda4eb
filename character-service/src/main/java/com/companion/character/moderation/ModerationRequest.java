package com.companion.character.moderation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Why an administrator takes a character down or restores it; kept in the moderation log. */
public record ModerationRequest(
        @Nullable @NotBlank @Size(max = 500) String reason) {}
