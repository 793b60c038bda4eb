package com.companion.character.adult;

import com.companion.character.adult.internal.AdultMode;
import com.companion.character.core.CharacterResponse;
import com.companion.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.Objects;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AdultModeController {

    private final AdultMode adultMode;

    AdultModeController(AdultMode adultMode) {
        this.adultMode = adultMode;
    }

    /** 404 to anyone but the owner; 403 {@code adult-only} when an owner who is not an adult turns it on. */
    @Operation(
            summary = "Turn adult mode on or off",
            description = "The text is screened in the new mode. On: 422 content-blocked when it fails even in adult"
                    + " mode. Off: always allowed; text acceptable only in adult mode leaves every other viewer"
                    + " (moderation_status hidden, with the reason) until an edit passes or adult mode is back on.")
    @PostMapping("/characters/{id}/set-adult")
    CharacterResponse setAdult(
            @PathVariable UUID id, @Valid @RequestBody SetAdultRequest request, AuthenticatedUser user) {
        return adultMode.set(id, Objects.requireNonNull(request.enabled()), user);
    }
}
