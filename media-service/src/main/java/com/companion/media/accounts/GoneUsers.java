package com.companion.media.accounts;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The accounts that were disabled, banned or deleted, from auth-service's users topic, and the device sessions it ended
 * early, from its sessions topic.
 */
@Repository
class GoneUsers {

    private final JdbcClient jdbc;

    GoneUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean isGone(UUID userId) {
        return jdbc.sql("select exists (select 1 from gone_user where user_id = :id)")
                .param("id", userId)
                .query(Boolean.class)
                .single();
    }

    void gone(UUID userId) {
        jdbc.sql("insert into gone_user (user_id) values (:id) on conflict (user_id) do nothing")
                .param("id", userId)
                .update();
    }

    boolean isRevoked(UUID deviceSession) {
        return jdbc.sql("select exists (select 1 from revoked_session where session_id = :id)")
                .param("id", deviceSession)
                .query(Boolean.class)
                .single();
    }

    /** A device session ended; rows older than any access token can live are dropped on the way. */
    void revoked(UUID deviceSession, Instant at) {
        jdbc.sql("insert into revoked_session (session_id, revoked_at) values (:id, :at) on conflict do nothing")
                .param("id", deviceSession)
                .param("at", Timestamp.from(at))
                .update();
        jdbc.sql("delete from revoked_session where revoked_at < :before")
                .param("before", Timestamp.from(at.minus(Duration.ofDays(1))))
                .update();
    }

    /** A ban lifted: the account is active again. */
    void back(UUID userId) {
        jdbc.sql("delete from gone_user where user_id = :id")
                .param("id", userId)
                .update();
    }
}
