package com.companion.chat.memory;

import com.companion.chat.access.AccessPolicy;
import com.companion.chat.access.Caller;
import com.companion.chat.access.CharacterView;
import com.companion.chat.safety.InputScreening;
import com.companion.chat.session.Cursor;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.security.AuthenticatedUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
     * CHAT_MEMORY_MAX_PER_CHARACTER}) fit one page of the default size, so {@code next_cursor} is null unless a
     * smaller {@code limit} was asked for.
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

    /**
     * Oldest first, paged like every list: {@code limit} 1–100 (20), {@code cursor} the {@code next_cursor} of the
     * page before (400 {@code invalid-cursor} for anything else). A character's memories normally fit one page.
     */
    @GetMapping("/memories")
    MemoryList list(
            AuthenticatedUser user,
            @RequestParam("character_id") UUID characterId,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) String cursor) {
        if (access.adultOnly(access.caller(user), characterId)) {
            throw ApiProblem.notFound("character");
        }
        Cursor after = Cursor.parse(cursor);
        List<PinnedMemory> remaining = memories.of(user.userId(), characterId).stream()
                .filter(memory -> after == null || isAfter(memory, after))
                .toList();
        if (remaining.size() <= limit) {
            return new MemoryList(remaining);
        }
        List<PinnedMemory> page = remaining.subList(0, limit);
        PinnedMemory last = page.getLast();
        return new MemoryList(page, new Cursor(last.createdAt(), last.id()).encode());
    }

    /** Whether the memory comes after the cursor's in the list's order (created_at, then id). */
    private static boolean isAfter(PinnedMemory memory, Cursor after) {
        int byTime = memory.createdAt().compareTo(after.at());
        return byTime > 0 || (byTime == 0 && memory.id().compareTo(after.id()) > 0);
    }

    /** 201 with the memory and its {@code Location}, {@code /memories/{id}} (where it is deleted). */
    @PostMapping("/memories")
    ResponseEntity<PinnedMemory> pin(AuthenticatedUser user, @Valid @RequestBody PinRequest request) {
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
                access.chattableSoon(caller, request.characterId()).orElseThrow(() -> ApiProblem.notFound("character"));
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
        return ResponseEntity.created(URI.create("/memories/" + memory.id())).body(memory);
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
