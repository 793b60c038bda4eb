package com.companion.character.catalogue;

import com.companion.character.access.Viewers;
import com.companion.character.catalogue.internal.CharacterLists;
import com.companion.character.catalogue.internal.Cursor;
import com.companion.character.core.InvalidRequest;
import com.companion.character.core.Tags;
import com.companion.contracts.character.CharacterType;
import com.companion.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/characters")
class CatalogueController {

    private final Viewers viewers;
    private final CharacterLists lists;

    CatalogueController(Viewers viewers, CharacterLists lists) {
        this.viewers = viewers;
        this.lists = lists;
    }

    /**
     * Public characters, adult ones only for adult callers; open to anonymous callers. {@code tags}
     * (repeated or comma-separated) keeps characters that carry all of them.
     */
    @Operation(
            summary = "The public catalogue",
            description = "Public characters whose moderation_status is ok (never pending, hidden or taken down), adult"
                    + " ones only for adult callers; open to anonymous callers.")
    @GetMapping("/public")
    CharacterPage catalogue(
            @Nullable AuthenticatedUser user,
            @RequestParam(required = false) @Size(max = 200) @Nullable String q,
            @RequestParam(required = false) @Nullable List<String> tags,
            @RequestParam(name = "character_type", required = false) @Nullable CharacterType characterType,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        String query = q == null || q.isBlank() ? null : q.strip();
        return lists.catalogue(
                viewers.of(user),
                query,
                tagFilter(tags),
                characterType,
                limit,
                cursor == null ? null : Cursor.decode(cursor));
    }

    @GetMapping("/mine")
    CharacterPage mine(
            AuthenticatedUser user,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return lists.ownedBy(viewers.of(user), limit, cursor == null ? null : Cursor.decode(cursor));
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
