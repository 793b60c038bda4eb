package com.companion.character.moderation;

import com.companion.character.moderation.internal.AdminModeration;
import com.companion.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators only (the token's {@code roles} holds {@code admin}); anyone else gets 404 {@code not-found}, as for
 * any path under {@code /admin/}.
 */
@RestController
@PreAuthorize("hasRole('admin')")
class ModerationController {

    private final AdminModeration moderation;

    ModerationController(AdminModeration moderation) {
        this.moderation = moderation;
    }

    @Operation(
            summary = "Take a character down (admin only)",
            description = "It leaves the catalogue, share links, previews and every grantee at once; the owner keeps"
                    + " it, private, with the reason. Recorded in the moderation log. 404 for an unknown id.")
    @PostMapping("/admin/characters/{id}/takedown")
    ModerationDecision takeDown(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) @Nullable ModerationRequest request,
            AuthenticatedUser admin) {
        return moderation.takeDown(id, ModerationRequest.of(request), admin.userId());
    }

    @Operation(
            summary = "Restore a taken-down character (admin only)",
            description = "Its text is screened again: it comes back as ok, or stays hidden if it fails."
                    + " 409 not-taken-down when it is not taken down. Recorded in the moderation log.")
    @PostMapping("/admin/characters/{id}/restore")
    ModerationDecision restore(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) @Nullable ModerationRequest request,
            AuthenticatedUser admin) {
        return moderation.restore(id, ModerationRequest.of(request), admin.userId());
    }
}
