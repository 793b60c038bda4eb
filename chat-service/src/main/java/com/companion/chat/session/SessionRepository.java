package com.companion.chat.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SessionRepository {

    private final JdbcClient jdbc;

    public SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ChatSession session) {
        jdbc.sql("""
                        insert into chat_session (id, user_id, character_id, title, created_at, last_activity_at)
                        values (:id, :user, :character, :title, :now, :now)
                        """)
                .param("id", session.id())
                .param("user", session.userId())
                .param("character", session.characterId())
                .param("title", session.title())
                .param("now", OffsetDateTime.ofInstant(session.createdAt(), java.time.ZoneOffset.UTC))
                .update();
    }

    /** The session if it belongs to {@code userId}; anyone else's is as good as absent. */
    public Optional<ChatSession> findOwned(UUID sessionId, UUID userId) {
        return jdbc.sql("select * from chat_session where id = :id and user_id = :user")
                .param("id", sessionId)
                .param("user", userId)
                .query((rs, n) -> session(rs))
                .optional();
    }

    public List<ChatSession> listOwned(UUID userId, Instant beforeCreated, UUID beforeId, int limit) {
        return jdbc.sql("""
                        select * from chat_session where user_id = :user
                          and (cast(:beforeCreated as timestamptz) is null or (created_at, id) < (:beforeCreated, :beforeId))
                        order by created_at desc, id desc limit :limit
                        """)
                .param("user", userId)
                .param(
                        "beforeCreated",
                        beforeCreated == null
                                ? null
                                : OffsetDateTime.ofInstant(beforeCreated, java.time.ZoneOffset.UTC))
                .param("beforeId", beforeId)
                .param("limit", limit)
                .query((rs, n) -> session(rs))
                .list();
    }

    public boolean deleteOwned(UUID sessionId, UUID userId) {
        return jdbc.sql("delete from chat_session where id = :id and user_id = :user")
                        .param("id", sessionId)
                        .param("user", userId)
                        .update()
                == 1;
    }

    public void touch(UUID sessionId) {
        jdbc.sql("update chat_session set last_activity_at = now() where id = :id")
                .param("id", sessionId)
                .update();
    }

    /** Newest first, strictly before the message {@code beforeMessageId} when given. */
    public List<ChatMessage> history(UUID sessionId, UUID beforeMessageId, int limit) {
        return jdbc.sql("""
                        select id, role, content, request_id, created_at from chat_message
                        where session_id = :session
                          and (cast(:before as uuid) is null
                               or seq < (select seq from chat_message where id = :before and session_id = :session))
                        order by seq desc limit :limit
                        """)
                .param("session", sessionId)
                .param("before", beforeMessageId)
                .param("limit", limit)
                .query((rs, n) -> new ChatMessage(
                        rs.getObject("id", UUID.class),
                        rs.getString("role"),
                        rs.getString("content"),
                        rs.getObject("request_id", UUID.class),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private static ChatSession session(ResultSet rs) throws SQLException {
        return new ChatSession(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getObject("character_id", UUID.class),
                rs.getString("title"),
                rs.getLong("ad_counter"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("last_activity_at", OffsetDateTime.class).toInstant());
    }
}
