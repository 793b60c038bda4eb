package com.companion.character.sharing;

import com.companion.character.core.CharacterResponse;
import com.companion.character.sharing.internal.SharingService;
import com.companion.platform.web.NoBody;
import com.companion.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/characters")
class SharingController {

    private final SharingService sharing;

    SharingController(SharingService sharing) {
        this.sharing = sharing;
    }

    /** 201 with a new grant or link; 200 when the user already had a grant. */
    @PostMapping("/{id}/share")
    ResponseEntity<ShareResult> share(
            @PathVariable UUID id, @Valid @RequestBody ShareRequest request, AuthenticatedUser user) {
        if (request.wantsLink()) {
            return ResponseEntity.status(HttpStatus.CREATED).body(sharing.createLink(id, request, user));
        }
        SharingService.Granted granted = sharing.grant(id, request, user);
        return ResponseEntity.status(granted.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(granted.grant());
    }

    @DeleteMapping("/{id}/share/{userId}")
    ResponseEntity<Void> revokeGrant(@PathVariable UUID id, @PathVariable UUID userId, AuthenticatedUser user) {
        sharing.revokeGrant(id, userId, user);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/share-links/{token}")
    ResponseEntity<Void> revokeLink(@PathVariable UUID id, @PathVariable String token, AuthenticatedUser user) {
        sharing.revokeLink(id, token, user);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Redeem a share link",
            description = "404 for expired, revoked or unknown links, characters that are not open to others (pending,"
                    + " hidden, taken down), and adult characters for callers who are not adults.")
    @PostMapping("/shared/{token}")
    CharacterResponse redeem(
            @PathVariable String token, AuthenticatedUser user, @RequestBody(required = false) @Nullable NoBody none) {
        return sharing.redeem(token, user);
    }

    /** Open to anonymous callers (see the security rules). */
    @Operation(
            summary = "Preview a share link",
            description = "Never for adult characters nor for characters that are not open to others.")
    @GetMapping("/shared/{token}")
    SharePreview preview(@PathVariable String token) {
        return sharing.preview(token);
    }
}
