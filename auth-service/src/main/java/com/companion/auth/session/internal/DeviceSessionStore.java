package com.companion.auth.session.internal;

import com.companion.auth.audit.ClientInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code device_session} (one per signed-in device) and {@code refresh_token} (every token it was given). */
@Repository
public class DeviceSessionStore {

    /** A refresh token that was just marked used by this caller, and nobody else. */
    public record Consumed(UUID sessionId, UUID userId) {}

    /** What is known about a presented token that could not be consumed. */
    public record TokenState(UUID sessionId, UUID userId, Instant usedAt) {}

    public record SessionRow(UUID id, Instant createdAt, Instant lastUsedAt, String userAgent) {}

    private final JdbcClient jdbc;

    DeviceSessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertSession(UUID id, UUID userId, Instant now, Instant expiresAt, ClientInfo client) {
        jdbc.sql("""
                        insert into device_session (id, user_id, created_at, last_used_at, expires_at, user_agent, ip)
                        values (:id, :userId, :now, :now, :expiresAt, :userAgent, :ip)
                        """)
                .param("id", id)
                .param("userId", userId)
                .param("now", utc(now))
                .param("expiresAt", utc(expiresAt))
                .param("userAgent", client.userAgent())
                .param("ip", client.ip())
                .update();
    }

    public void insertToken(byte[] hash, UUID sessionId, Instant now, Instant expiresAt) {
        jdbc.sql("""
                        insert into refresh_token (token_hash, session_id, issued_at, expires_at)
                        values (:hash, :sessionId, :now, :expiresAt)
                        """)
                .param("hash", hash)
                .param("sessionId", sessionId)
                .param("now", utc(now))
                .param("expiresAt", utc(expiresAt))
                .update();
    }

    /**
     * Marks the token used if it is the current, unexpired token of a live session. The
     * condition is part of the UPDATE, so of two concurrent calls with one token exactly one
     * gets a row back: the other waits for the row lock, re-reads {@code used_at} and matches
     * nothing.
     */
    public Optional<Consumed> consume(byte[] hash, Instant now) {
        return jdbc.sql("""
                        update refresh_token t set used_at = :now
                        from device_session s
                        where t.token_hash = :hash and t.used_at is null and t.expires_at > :now
                          and s.id = t.session_id and s.revoked_at is null and s.expires_at > :now
                        returning t.session_id, s.user_id
                        """)
                .param("hash", hash)
                .param("now", utc(now))
                .query((rs, n) ->
                        new Consumed(rs.getObject("session_id", UUID.class), rs.getObject("user_id", UUID.class)))
                .optional();
    }

    public Optional<TokenState> find(byte[] hash) {
        return jdbc.sql("""
                        select t.session_id, s.user_id, t.used_at
                        from refresh_token t join device_session s on s.id = t.session_id
                        where t.token_hash = :hash
                        """)
                .param("hash", hash)
                .query((rs, n) -> new TokenState(
                        rs.getObject("session_id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        instant(rs.getObject("used_at", OffsetDateTime.class))))
                .optional();
    }

    /**
     * Records a refresh and extends the session to {@code expiresAt}, but never past {@code
     * absoluteLifetime} after its sign-in; returns the expiry it got.
     */
    public Instant touch(UUID sessionId, Instant now, Instant expiresAt, Duration absoluteLifetime, ClientInfo client) {
        return jdbc.sql("""
                        update device_session
                        set last_used_at = :now,
                            expires_at = least(cast(:expiresAt as timestamptz),
                                created_at + make_interval(secs => :absoluteSeconds)),
                            ip = coalesce(:ip, ip), user_agent = coalesce(:userAgent, user_agent)
                        where id = :id
                        returning expires_at
                        """)
                .param("id", sessionId)
                .param("now", utc(now))
                .param("expiresAt", utc(expiresAt))
                .param("absoluteSeconds", absoluteLifetime.toSeconds())
                .param("ip", client.ip())
                .param("userAgent", client.userAgent())
                .query((rs, n) ->
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant())
                .single();
    }

    /** True when this call revoked a session that was live. */
    public boolean revoke(UUID sessionId, Instant now, String reason) {
        return jdbc.sql("""
                        update device_session set revoked_at = :now, revoked_reason = :reason
                        where id = :id and revoked_at is null
                        """)
                        .param("id", sessionId)
                        .param("now", utc(now))
                        .param("reason", reason)
                        .update()
                == 1;
    }

    public boolean revokeOwned(UUID sessionId, UUID userId, Instant now, String reason) {
        return jdbc.sql("""
                        update device_session set revoked_at = :now, revoked_reason = :reason
                        where id = :id and user_id = :userId and revoked_at is null and expires_at > :now
                        """)
                        .param("id", sessionId)
                        .param("userId", userId)
                        .param("now", utc(now))
                        .param("reason", reason)
                        .update()
                == 1;
    }

    /** The sessions this call revoked. */
    public List<UUID> revokeAll(UUID userId, Instant now, String reason) {
        return jdbc.sql("""
                        update device_session set revoked_at = :now, revoked_reason = :reason
                        where user_id = :userId and revoked_at is null
                        returning id
                        """)
                .param("userId", userId)
                .param("now", utc(now))
                .param("reason", reason)
                .query(UUID.class)
                .list();
    }

    /** Revokes the least recently used live sessions beyond {@code max}; returns them. */
    /** Revokes every live session of a user but one (the device that changed the password). */
    public List<UUID> revokeAllExcept(UUID userId, UUID keep, Instant now, String reason) {
        return jdbc.sql("""
                        update device_session set revoked_at = :now, revoked_reason = :reason
                        where user_id = :userId and revoked_at is null and id <> :keep
                        returning id
                        """)
                .param("userId", userId)
                .param("keep", keep)
                .param("now", utc(now))
                .param("reason", reason)
                .query(UUID.class)
                .list();
    }

    /** Whether the session is the user's, not revoked and not expired; one primary-key lookup. */
    public boolean isLive(UUID sessionId, UUID userId, Instant now) {
        return jdbc.sql("""
                        select exists (select 1 from device_session
                                       where id = :id and user_id = :userId and revoked_at is null and expires_at > :now)
                        """)
                .param("id", sessionId)
                .param("userId", userId)
                .param("now", utc(now))
                .query(Boolean.class)
                .single();
    }

    /** Whether the user signed in before with this user agent (sessions are kept until purged). */
    public boolean signedInBeforeWith(UUID userId, String userAgent) {
        return jdbc.sql("""
                        select exists (select 1 from device_session
                                       where user_id = :userId and user_agent is not distinct from :userAgent)
                        """)
                .param("userId", userId)
                .param("userAgent", userAgent)
                .query(Boolean.class)
                .single();
    }

    public List<UUID> trimToLimit(UUID userId, Instant now, int max) {
        return jdbc.sql("""
                        update device_session set revoked_at = :now, revoked_reason = 'session_limit'
                        where id in (
                            select id from device_session
                            where user_id = :userId and revoked_at is null and expires_at > :now
                            order by last_used_at desc, created_at desc
                            offset :max)
                        returning id
                        """)
                .param("userId", userId)
                .param("now", utc(now))
                .param("max", max)
                .query(UUID.class)
                .list();
    }

    /**
     * A page of the user's live sessions, most recently used first (ties by id), after {@code after} when given
     * (keyset: the {@code last_used_at} and id of the last session of the previous page).
     */
    public List<SessionRow> listLive(UUID userId, Instant now, @Nullable SessionRow after, int limit) {
        String page = after == null ? "" : "and (last_used_at, id) < (:afterUsed, :afterId)";
        return jdbc.sql("""
                        select id, created_at, last_used_at, user_agent from device_session
                        where user_id = :userId and revoked_at is null and expires_at > :now %s
                        order by last_used_at desc, id desc
                        limit :limit
                        """.formatted(page))
                .param("userId", userId)
                .param("now", utc(now))
                .param("afterUsed", after == null ? null : utc(after.lastUsedAt()))
                .param("afterId", after == null ? null : after.id())
                .param("limit", limit)
                .query((rs, n) -> new SessionRow(
                        rs.getObject("id", UUID.class),
                        instant(rs.getObject("created_at", OffsetDateTime.class)),
                        instant(rs.getObject("last_used_at", OffsetDateTime.class)),
                        rs.getString("user_agent")))
                .list();
    }

    /**
     * Deletes sessions (and their tokens) revoked or expired longer than {@code retention} ago, and
     * used tokens of live sessions once they have expired (a replay of one could no longer work).
     */
    public int purge(Instant now, Duration retention) {
        jdbc.sql("delete from refresh_token where used_at is not null and expires_at < :now")
                .param("now", utc(now))
                .update();
        return jdbc.sql("delete from device_session where revoked_at < :before or expires_at < :before")
                .param("before", utc(now.minus(retention)))
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
