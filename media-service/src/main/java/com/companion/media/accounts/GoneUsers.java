package com.companion.media.accounts;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts that were disabled, banned or deleted, from auth-service's users topic. */
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

    /** A ban lifted: the account is active again. */
    void back(UUID userId) {
        jdbc.sql("delete from gone_user where user_id = :id")
                .param("id", userId)
                .update();
    }
}
