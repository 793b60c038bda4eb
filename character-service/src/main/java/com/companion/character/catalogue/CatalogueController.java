package com.companion.character.catalogue;

import com.companion.character.access.Viewers;
import com.companion.character.catalogue.internal.CharacterLists;
import com.companion.character.catalogue.internal.Cursor;
import com.companion.character.catalogue.internal.Favorites;
import com.companion.character.core.InvalidRequest;
import com.companion.character.core.Tags;
import com.companion.contracts.character.CharacterType;
import com.companion.platform.web.NoBody;
import com.companion.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/characters")
class CatalogueController {

    private final Viewers viewers;
    private final CharacterLists lists;
    private final Favorites favorites;

    CatalogueController(Viewers viewers, CharacterLists lists, Favorites favorites) {
        this.viewers = viewers;
        this.lists = lists;
        this.favorites = favorites;
    }

    /**
     * Public characters, adult ones only for adult callers; open to anonymous callers. {@code tags}
     * (repeated or comma-separated) keeps characters that carry all of them.
     */
    @Operation(
            summary = "The public catalogue",
            description = "Public characters whose moderation_status is ok (never pending, hidden or taken down), adult"
                    + " ones only for adult callers; open to anonymous callers. sort: new (default), popular (chats in"
                    + " the last 7 days) or trending (chats per day over the last 2 days against the 5 before). Each"
                    + " character carries chat_count (last 7 days) and favorite_count. The card's definition"
                    + " (scenario, example_dialogue, system_prompt, post_history_instructions, lorebook, extensions)"
                    + " is left out unless the owner set export_allowed.")
    @GetMapping("/public")
    CharacterPage catalogue(
            @Nullable AuthenticatedUser user,
            @RequestParam(required = false) @Size(max = 200) @Nullable String q,
            @RequestParam(required = false) @Nullable List<String> tags,
            @RequestParam(name = "character_type", required = false) @Nullable CharacterType characterType,
            @RequestParam(defaultValue = "new") String sort,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        String query = q == null || q.isBlank() ? null : q.strip();
        return lists.catalogue(viewers.of(user), query, tagFilter(tags), characterType, sort(sort), limit, cursor);
    }

    private static CatalogueSort sort(String wire) {
        return switch (wire) {
            case "new" -> CatalogueSort.NEW;
            case "popular" -> CatalogueSort.POPULAR;
            case "trending" -> CatalogueSort.TRENDING;
            default -> throw InvalidRequest.field("sort", "must be one of new, popular, trending");
        };
    }

    @GetMapping("/mine")
    CharacterPage mine(
            AuthenticatedUser user,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return lists.ownedBy(viewers.of(user), limit, cursor == null ? null : Cursor.decode(cursor));
    }

    @Operation(
            summary = "The caller's favourite characters",
            description =
                    "Characters the caller marked with PUT /characters/{id}/favorite and can still see, the latest"
                            + " marked first.")
    @GetMapping("/favorites")
    CharacterPage favorites(
            AuthenticatedUser user,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return lists.favoritesOf(viewers.of(user), limit, cursor == null ? null : Cursor.decode(cursor));
    }

    @Operation(
            summary = "Characters shared with the caller",
            description = "Characters others shared with the caller (directly or through a redeemed link) that the"
                    + " caller can still see, the latest shared first.")
    @GetMapping("/shared-with-me")
    CharacterPage sharedWithMe(
            AuthenticatedUser user,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return lists.sharedWith(viewers.of(user), limit, cursor == null ? null : Cursor.decode(cursor));
    }

    @Operation(
            summary = "Mark a character as a favourite",
            description = "Any character the caller can see (else 404); marking it again changes nothing. → 204")
    @PutMapping("/{id}/favorite")
    ResponseEntity<Void> favorite(
            @PathVariable UUID id, AuthenticatedUser user, @RequestBody(required = false) @Nullable NoBody none) {
        favorites.mark(id, viewers.of(user));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Unmark a favourite", description = "→ 204, also when it was not a favourite.")
    @DeleteMapping("/{id}/favorite")
    ResponseEntity<Void> unfavorite(@PathVariable UUID id, AuthenticatedUser user) {
        favorites.unmark(id, viewers.of(user));
        return ResponseEntity.noContent().build();
    }

    private static List<String> tagFilter(@Nullable List<String> raw) {
        List<@Nullable String> tags = Tags.normalize(raw).stream()
                .filter(t -> t == null || !t.isEmpty())
                .toList();
        if (tags.size() > Tags.MAX_COUNT) {
            throw InvalidRequest.field("tags", Tags.COUNT_MESSAGE);
        }
        if (!tags.stream().allMatch(Tags::valid)) {
            throw InvalidRequest.field("tags", Tags.PATTERN_MESSAGE);
        }
        return tags.stream().map(String.class::cast).toList();
    }
}
