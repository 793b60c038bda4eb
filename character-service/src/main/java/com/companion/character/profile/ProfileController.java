package com.companion.character.profile;

import com.companion.character.core.CharacterResponse;
import com.companion.character.profile.internal.ProfileService;
import com.companion.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

    @Operation(
            summary = "Create a character",
            description = "Name, description and tags are screened (each alone and together) in the character's mode:"
                    + " 422 content-blocked with policy, categories and field when they break the content rules"
                    + " (never-allowed content in any mode, sexual content outside adult mode, self-harm"
                    + " encouragement, instruction-override); nothing is written then. 403 adult-only for adult mode"
                    + " without an adult caller.")
    @PostMapping
    ResponseEntity<CharacterResponse> create(
            @Valid @RequestBody CreateCharacterRequest request, AuthenticatedUser user) {
        CharacterResponse created = profiles.create(request, user);
        return ResponseEntity.created(URI.create("/characters/" + created.id())).body(created);
    }

    @Operation(
            summary = "Read a character",
            description = "404 unless the caller may see it. Others see only characters whose moderation_status is ok;"
                    + " the owner also sees pending, hidden or taken_down ones, with moderation_reason. Such a"
                    + " character is closed to everyone else whatever its visibility, which the owner's view shows as"
                    + " the owner set it (with its grants), because a restore reopens it as it was. Anyone but the"
                    + " owner gets the card's definition (scenario, example_dialogue, system_prompt,"
                    + " post_history_instructions, lorebook, extensions) only when the owner set export_allowed."
                    + " No token is needed: an anonymous caller gets what a signed-in stranger gets, and never an 18+"
                    + " character.")
    @GetMapping("/{id}")
    CharacterResponse read(@PathVariable UUID id, @Nullable AuthenticatedUser user) {
        return profiles.read(id, user);
    }

    @Operation(
            summary = "Replace what the owner edits",
            description = "Screened like create (422 content-blocked, nothing changes). Passing brings a hidden"
                    + " character back; a takedown stays until an administrator restores it.")
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
