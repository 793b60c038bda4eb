package com.companion.media.upload;

import com.companion.contracts.media.MediaKind;
import com.companion.media.characters.CharacterDirectory;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.problem.FieldError;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * An avatar belongs to a character its uploader owns; other kinds belong to no character. A
 * character the caller does not own (or that media has not heard of yet) is not found.
 */
@Component
class CharacterRules {

    private final CharacterDirectory characters;

    CharacterRules(CharacterDirectory characters) {
        this.characters = characters;
    }

    void check(UUID callerId, MediaKind kind, @Nullable UUID characterId) {
        if (kind == MediaKind.AVATAR) {
            if (characterId == null) {
                throw invalid("is required for an avatar");
            }
            characters
                    .find(characterId)
                    .filter(c -> c.isOwnedBy(callerId))
                    .orElseThrow(() -> ApiProblem.notFound("character"));
        } else if (characterId != null) {
            throw invalid("is only for avatars");
        }
    }

    private static ApiProblem invalid(String message) {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "validation",
                "Bad Request",
                "The request has invalid fields; see errors.",
                Map.of("errors", List.of(new FieldError("character_id", message))));
    }
}
