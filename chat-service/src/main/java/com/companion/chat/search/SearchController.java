package com.companion.chat.search;

import com.companion.chat.access.AccessPolicy;
import com.companion.chat.session.Page;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.security.AuthenticatedUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
class SearchController {

    record Item(UUID sessionId, UUID messageId, String snippet, Instant createdAt) {}

    private final MessageSearch search;
    private final AccessPolicy access;

    SearchController(MessageSearch search, AccessPolicy access) {
        this.search = search;
        this.access = access;
    }

    @GetMapping("/search/messages")
    Page<Item> messages(
            AuthenticatedUser user,
            @RequestParam @NotBlank @Size(max = 200) String q,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) String cursor) {
        boolean adult = access.caller(user).adult();
        Long before = null;
        if (cursor != null) {
            try {
                before = Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("invalid-cursor", "The cursor is not valid.");
            }
        }
        List<MessageSearch.Match> matches = search.search(user.userId(), adult, q, before, limit);
        String next = matches.size() < limit
                ? null
                : Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(Long.toString(matches.getLast().seq()).getBytes(StandardCharsets.UTF_8));
        return new Page<>(
                matches.stream()
                        .map(m -> new Item(m.sessionId(), m.messageId(), m.snippet(), m.createdAt()))
                        .toList(),
                next);
    }
}
