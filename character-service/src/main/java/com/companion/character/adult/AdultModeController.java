package com.companion.character.adult;

import com.companion.character.adult.internal.AdultMode;
import com.companion.character.core.CharacterResponse;
import com.companion.platform.web.security.AuthenticatedUser;
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
    @PostMapping("/characters/{id}/set-adult")
    CharacterResponse setAdult(
            @PathVariable UUID id, @Valid @RequestBody SetAdultRequest request, AuthenticatedUser user) {
        return adultMode.set(id, Objects.requireNonNull(request.enabled()), user);
    }
}
