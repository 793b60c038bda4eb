package com.companion.chat.memory;

import com.companion.chat.access.AccessPolicy;
import com.companion.chat.access.Caller;
import com.companion.chat.access.CharacterView;
import com.companion.chat.safety.InputScreening;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.security.AuthenticatedUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /memories}: the facts a user pins for a character, always in that character's prompts for them, in
 * every session. A memory is screened by the content guard like a message before it is kept, since it reaches
 * the model on every turn.
 */
@RestController
@Validated
class MemoryController {

    record PinRequest(@NotNull UUID characterId, @NotBlank String content) {}

    /**
     * Every list answers {@code {items, next_cursor}}; a character's memories (at most {@code
     * CHAT_MEMORY_MAX_PER_CHARACTER}) always fit one page, so {@code next_cursor} is null.
     */
    record MemoryList(List<PinnedMemory> items, @Nullable String nextCursor) {

        MemoryList(List<PinnedMemory> items) {
            this(items, null);
        }
    }

    private final Memories memories;
    private final AccessPolicy access;
    private final InputScreening screening;
    private final MemoryProperties properties;

    MemoryController(Memories memories, AccessPolicy access, InputScreening screening, MemoryProperties properties) {
        this.memories = memories;
        this.access = access;
        this.screening = screening;
        this.properties = properties;
    }

    @GetMapping("/memories")
    MemoryList list(AuthenticatedUser user, @RequestParam("character_id") UUID characterId) {
        access.caller(user);
        return new MemoryList(memories.of(user.userId(), characterId));
    }

    @PostMapping("/memories")
    @ResponseStatus(HttpStatus.CREATED)
    PinnedMemory pin(AuthenticatedUser user, @Valid @RequestBody PinRequest request) {
        Caller caller = access.caller(user);
        String content = request.content().strip();
        if (content.length() > properties.maxLength()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "validation",
                    "Bad Request",
                    "content is at most " + properties.maxLength() + " characters.",
                    Map.of(
                            "errors",
                            List.of(Map.of(
                                    "field", "content", "message", "size must be at most " + properties.maxLength()))));
        }
        CharacterView character =
                access.chattable(caller, request.characterId()).orElseThrow(() -> ApiProblem.notFound("character"));
        screening.screenMemory(caller, character, content);
        PinnedMemory memory = new PinnedMemory(
                UUID.randomUUID(),
                character.characterId(),
                content,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        if (!memories.add(memory, caller.userId(), properties.maxPerCharacter())) {
            throw ApiProblem.conflict(
                    "memory-limit",
                    "At most " + properties.maxPerCharacter()
                            + " memories can be pinned for one character; delete one first.");
        }
        return memory;
    }

    @DeleteMapping("/memories/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(AuthenticatedUser user, @PathVariable UUID id) {
        access.caller(user);
        if (!memories.delete(user.userId(), id)) {
            throw ApiProblem.notFound("memory");
        }
    }
}
