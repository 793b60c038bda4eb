package com.companion.chat.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code chat_session}: a user's conversations, their flags and their active leaf. */
@Repository
public class SessionRepository {

    static final int PREVIEW_LENGTH = 120;

    /** A session with what its active leaf says about it, one primary-key join. */
    private static final String SELECT = """
            select s.*, left(leaf.content, %d) as preview, leaf.created_at as last_message_at,
                   coalesce(leaf.depth, 0) as message_count
            from chat_session s left join chat_message leaf on leaf.id = s.active_leaf_id
            """.formatted(PREVIEW_LENGTH);

    /**
     * A condition on session {@code s}: what only an adult may see ({@code :adult} false hides it), a session that held
     * a turn in adult mode, or whose character is in adult mode now. A user who corrected their age below 18 keeps the rest of their sessions.
     */
    public static final String VISIBLE_TO_CALLER = """
             and (:adult or not (s.adult or exists (select 1 from character_view c
                                                    where c.character_id = s.character_id and c.nsfw_enabled)))
            """;

    /** Where a listing page ends: the next page starts strictly after this row. */
    public record ListPosition(boolean pinned, Instant lastActivityAt, UUID id) {}

    private final JdbcClient jdbc;

    public SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ChatSession session) {
        insert(session, false, false);
    }

    /**
     * @param titledByUser the user gave the title, so no generated one will replace it
     * @param adult the character is in adult mode: only adults will see the session ({@link #VISIBLE_TO_CALLER})
     */
    public void insert(ChatSession session, boolean titledByUser, boolean adult) {
        jdbc.sql("""
                        insert into chat_session (id, user_id, character_id, title, title_source, created_at,
                            last_activity_at, adult)
                        values (:id, :user, :character, :title, :source, :now, :now, :adult)
                        """)
                .param("id", session.id())
                .param("adult", adult)
                .param("source", titledByUser ? "user" : null)
                .param("user", session.userId())
                .param("character", session.characterId())
                .param("title", session.title())
                .param("now", OffsetDateTime.ofInstant(session.createdAt(), ZoneOffset.UTC))
                .update();
    }

    /**
     * The session if it belongs to {@code userId} and the caller may see it ({@code adult}: see {@link #VISIBLE_TO_CALLER});
     * anyone else's is as good as absent.
     */
    public Optional<ChatSession> findOwned(UUID sessionId, UUID userId, boolean adult) {
        return jdbc.sql(SELECT + " where s.id = :id and s.user_id = :user" + VISIBLE_TO_CALLER)
                .param("id", sessionId)
                .param("user", userId)
                .param("adult", adult)
                .query((rs, n) -> session(rs))
                .optional();
    }

    /**
     * The user's sessions, pinned first, then newest activity first; {@code query} matches the title
     * or the character's name (case-insensitive substring).
     */
    public List<ChatSession> listOwned(
            UUID userId, boolean adult, boolean archived, String query, ListPosition after, int limit) {
        String pattern = query == null || query.isBlank()
                ? null
                : "%" + query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql(SELECT + """
                         where s.user_id = :user and s.archived = :archived %s
                          and (cast(:pattern as text) is null
                               or s.title ilike :pattern
                               or exists (select 1 from character_view c
                                          where c.character_id = s.character_id and c.name ilike :pattern
                                            -- the character's name only while the user may still see it
                                            and (c.owner_id = s.user_id or c.visibility = 'PUBLIC'
                                                 or s.user_id = any(c.grantee_ids))))
                          and (cast(:afterAt as timestamptz) is null
                               or (s.pinned, s.last_activity_at, s.id) < (:afterPinned, :afterAt, :afterId))
                        order by s.pinned desc, s.last_activity_at desc, s.id desc limit :limit
                        """.formatted(VISIBLE_TO_CALLER))
                .param("user", userId)
                .param("adult", adult)
                .param("archived", archived)
                .param("pattern", pattern)
                .param("afterPinned", after != null && after.pinned())
                .param(
                        "afterAt",
                        after == null ? null : OffsetDateTime.ofInstant(after.lastActivityAt(), ZoneOffset.UTC))
                .param("afterId", after == null ? null : after.id())
                .param("limit", limit)
                .query((rs, n) -> session(rs))
                .list();
    }

    /** Changes the given flags (null leaves one as it is); false when the session is not the user's. */
    public boolean update(UUID sessionId, UUID userId, boolean adult, String title, Boolean pinned, Boolean archived) {
        return jdbc.sql("""
                        update chat_session s set title = coalesce(:title, title), pinned = coalesce(:pinned, pinned),
                            archived = coalesce(:archived, archived),
                            title_source = case when cast(:title as text) is null then title_source else 'user' end
                        where id = :id and user_id = :user %s
                        """.formatted(VISIBLE_TO_CALLER))
                        .param("adult", adult)
                        .param("title", title)
                        .param("pinned", pinned)
                        .param("archived", archived)
                        .param("id", sessionId)
                        .param("user", userId)
                        .update()
                == 1;
    }

    /**
     * Marks that the session's title has been asked for, if it is still unnamed and was not asked for
     * before; true when this call marked it (so the title is asked for once).
     */
    public boolean claimTitleRequest(UUID sessionId) {
        return jdbc.sql("""
                        update chat_session set title_requested_at = now()
                        where id = :id and title_source is null and title_requested_at is null
                        """).param("id", sessionId).update() == 1;
    }

    /** A generated title, unless the user has named the session meanwhile (or it was titled already). */
    public boolean applyGeneratedTitle(UUID sessionId, String title) {
        return jdbc.sql("""
                        update chat_session set title = :title, title_source = 'auto'
                        where id = :id and title_source is null
                        """).param("title", title).param("id", sessionId).update() == 1;
    }

    /** Every session of the user, with its messages and requests (cascade): the account is being erased. */
    public int deleteAllOf(UUID userId) {
        return jdbc.sql("delete from chat_session where user_id = :user")
                .param("user", userId)
                .update();
    }

    public boolean deleteOwned(UUID sessionId, UUID userId) {
        return jdbc.sql("delete from chat_session where id = :id and user_id = :user")
                        .param("id", sessionId)
                        .param("user", userId)
                        .update()
                == 1;
    }

    public void touch(UUID sessionId) {
        touch(sessionId, false);
    }

    /** @param adultTurn the turn is in adult mode: from now on only adults see the session ({@link #VISIBLE_TO_CALLER}) */
    public void touch(UUID sessionId, boolean adultTurn) {
        jdbc.sql("update chat_session set last_activity_at = now(), adult = adult or :adult where id = :id")
                .param("id", sessionId)
                .param("adult", adultTurn)
                .update();
    }

    /** A session the caller owns, as far as reading its path needs it. */
    public record Owned(@Nullable UUID activeLeaf) {}

    /**
     * The session if {@code userId} owns it, with its active leaf (null while it is empty): one primary-key read,
     * what a history page or an export needs before it walks the path.
     */
    public Optional<Owned> owned(UUID sessionId, UUID userId, boolean adult) {
        return jdbc.sql("select active_leaf_id from chat_session s where id = :id and user_id = :user"
                        + VISIBLE_TO_CALLER)
                .param("id", sessionId)
                .param("user", userId)
                .param("adult", adult)
                .query((rs, n) -> new Owned(rs.getObject(1, UUID.class)))
                .optional();
    }

    public Optional<UUID> activeLeaf(UUID sessionId) {
        return jdbc.sql("select active_leaf_id from chat_session where id = :id")
                .param("id", sessionId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
                .optional()
                .flatMap(leaf -> leaf);
    }

    /** The active leaf, with the session row locked until the transaction ends. */
    public Optional<UUID> lockActiveLeaf(UUID sessionId) {
        return jdbc.sql("select active_leaf_id from chat_session where id = :id for update")
                .param("id", sessionId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
                .optional()
                .flatMap(leaf -> leaf);
    }

    /**
     * A new message became the session's active leaf: one update sets both the leaf and the activity time that {@link
     * #touch} would set (a turn stores two messages, so this halves the session row's updates per turn).
     */
    public void activateAndTouch(UUID sessionId, UUID leaf) {
        activateAndTouch(sessionId, leaf, false);
    }

    /** @param adultTurn as for {@link #touch(UUID, boolean)} */
    public void activateAndTouch(UUID sessionId, UUID leaf, boolean adultTurn) {
        jdbc.sql("""
                        update chat_session set active_leaf_id = :leaf, last_activity_at = now(),
                            adult = adult or :adult
                        where id = :id
                        """)
                .param("leaf", leaf)
                .param("id", sessionId)
                .param("adult", adultTurn)
                .update();
    }

    public void activate(UUID sessionId, UUID leaf) {
        jdbc.sql("update chat_session set active_leaf_id = :leaf where id = :id")
                .param("leaf", leaf)
                .param("id", sessionId)
                .update();
    }

    private static ChatSession session(ResultSet rs) throws SQLException {
        OffsetDateTime lastMessageAt = rs.getObject("last_message_at", OffsetDateTime.class);
        return new ChatSession(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getObject("character_id", UUID.class),
                rs.getString("title"),
                rs.getLong("ad_counter"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("last_activity_at", OffsetDateTime.class).toInstant(),
                rs.getBoolean("pinned"),
                rs.getBoolean("archived"),
                rs.getString("preview"),
                lastMessageAt == null ? null : lastMessageAt.toInstant(),
                rs.getInt("message_count"));
    }
}
