package com.companion.chat.safety;

import com.companion.chat.session.Cursor;
import com.companion.chat.session.Page;
import com.companion.contracts.chat.ChatRole;
import com.companion.contracts.chat.HistoryMessage;
import com.companion.platform.guard.Category;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.problem.FieldError;
import com.companion.platform.web.security.AuthenticatedUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/blocked-messages}: what the input guard refused, newest first, optionally of one category, each
 * with the messages of its session just before it (what the guard read it with). Administrators only; to anyone
 * else the endpoint does not exist (404), as every admin endpoint.
 */
@RestController
@Validated
class BlockedMessagesController {

    /** Messages of the session before a refused one shown with it. */
    static final int CONTEXT_MESSAGES = 4;

    record BlockedMessage(
            UUID id,
            UUID userId,
            @Nullable UUID sessionId,
            UUID characterId,
            String policy,
            List<String> categories,
            List<String> reasons,
            String content,
            Instant createdAt,
            List<HistoryMessage> context) {}

    private final JdbcClient jdbc;

    BlockedMessagesController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/admin/blocked-messages")
    Page<BlockedMessage> list(
            AuthenticatedUser user,
            @RequestParam(required = false) @Size(max = 40) String category,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) String cursor) {
        if (!user.hasRole("admin")) {
            throw ApiProblem.notFound("resource");
        }
        // A guard category code, in any case ("s4" is S4); anything else is refused rather than matching nothing.
        String code = category == null || category.isBlank()
                ? null
                : Category.fromCode(category)
                        .map(Category::code)
                        .orElseThrow(() -> new ApiProblem(
                                HttpStatus.BAD_REQUEST,
                                "validation",
                                "Bad Request",
                                "The request has invalid fields; see errors.",
                                Map.of(
                                        "errors",
                                        List.of(new FieldError(
                                                "category", "must be a guard category code, S1 to S14")))));
        Cursor after = Cursor.parse(cursor);
        List<BlockedMessage> items = jdbc
                .sql("""
                        select id, user_id, session_id, character_id, policy, categories, reasons, content, created_at
                        from blocked_message
                        where (cast(:category as text) is null or :category = any(categories))
                          and (cast(:beforeAt as timestamptz) is null or (created_at, id) < (:beforeAt, :beforeId))
                        order by created_at desc, id desc limit :limit
                        """)
                .param("category", code)
                .param("beforeAt", after == null ? null : after.atUtc())
                .param("beforeId", after == null ? null : after.id())
                .param("limit", limit)
                .query((rs, n) -> row(rs))
                .list()
                .stream()
                .map(this::withContext)
                .toList();
        String next = items.size() < limit
                ? null
                : new Cursor(items.getLast().createdAt(), items.getLast().id()).encode();
        return new Page<>(items, next);
    }

    /** The session's messages stored just before the refused one, oldest first. */
    private BlockedMessage withContext(BlockedMessage blocked) {
        if (blocked.sessionId() == null) {
            return blocked;
        }
        List<HistoryMessage> context = jdbc.sql("""
                        select role, content from (
                            select role, content, seq from chat_message
                            where session_id = :session and created_at <= :at
                            order by seq desc limit :limit
                        ) recent order by seq
                        """)
                .param("session", blocked.sessionId())
                .param("at", OffsetDateTime.ofInstant(blocked.createdAt(), java.time.ZoneOffset.UTC))
                .param("limit", CONTEXT_MESSAGES)
                .query((rs, n) -> new HistoryMessage(
                        "user".equals(rs.getString("role")) ? ChatRole.USER : ChatRole.ASSISTANT,
                        rs.getString("content")))
                .list();
        return new BlockedMessage(
                blocked.id(),
                blocked.userId(),
                blocked.sessionId(),
                blocked.characterId(),
                blocked.policy(),
                blocked.categories(),
                blocked.reasons(),
                blocked.content(),
                blocked.createdAt(),
                context);
    }

    private static BlockedMessage row(ResultSet rs) throws SQLException {
        return new BlockedMessage(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getObject("session_id", UUID.class),
                rs.getObject("character_id", UUID.class),
                rs.getString("policy"),
                strings(rs.getArray("categories")),
                strings(rs.getArray("reasons")),
                rs.getString("content"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                List.of());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
