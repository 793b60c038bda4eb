package com.companion.character.profile;

import com.companion.character.core.CharacterResponse;
import com.companion.character.profile.internal.ProfileService;
import com.companion.platform.web.security.AuthenticatedUser;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/characters")
class ProfileController {

    private final ProfileService profiles;

    ProfileController(ProfileService profiles) {
        this.profiles = profiles;
    }

    @PostMapping
    ResponseEntity<CharacterResponse> create(
            @Valid @RequestBody CreateCharacterRequest request, AuthenticatedUser user) {
        CharacterResponse created = profiles.create(request, user);
        return ResponseEntity.created(URI.create("/characters/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    CharacterResponse read(@PathVariable UUID id, AuthenticatedUser user) {
        return profiles.read(id, user);
    }

    @PutMapping("/{id}")
    CharacterResponse update(
            @PathVariable UUID id, @Valid @RequestBody UpdateCharacterRequest request, AuthenticatedUser user) {
        return profiles.update(id, request, user);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id, AuthenticatedUser user) {
        profiles.delete(id, user);
        return ResponseEntity.noContent().build();
    }
}
