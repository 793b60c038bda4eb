package com.companion.media.upload;

import com.companion.contracts.media.MediaKind;
import com.companion.media.characters.CharacterDirectory;
import com.companion.media.characters.CharacterRef;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.problem.FieldError;
import com.companion.platform.web.readmodel.ReadModelWait;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * An avatar belongs to a character its uploader owns; other kinds belong to no character. A
 * character the caller does not own is not found.
 *
 * <p>Read your own writes: media hears of characters from character-service's topic a moment after
 * they are created, and a client uploads the avatar of a character it has just created. A character
 * not in the directory yet is waited for, up to {@code media.upload.character-wait}, before the
 * caller is told 404.
 */
@Component
class CharacterRules {

    private final CharacterDirectory characters;
    private final Duration characterWait;

    CharacterRules(CharacterDirectory characters, UploadProperties properties) {
        this.characters = characters;
        this.characterWait = properties.characterWait();
    }

    void check(UUID callerId, MediaKind kind, @Nullable UUID characterId) {
        if (kind == MediaKind.AVATAR) {
            if (characterId == null) {
                throw invalid("is required for an avatar");
            }
            findSoon(characterId)
                    .filter(c -> c.isOwnedBy(callerId))
                    .orElseThrow(() -> ApiProblem.notFound("character"));
        } else if (characterId != null) {
            throw invalid("is only for avatars");
        }
    }

    private Optional<CharacterRef> findSoon(UUID characterId) {
        return ReadModelWait.until(characterWait, () -> characters.find(characterId));
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
