package com.companion.character.users;

import com.companion.contracts.auth.UserStatus;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the users read model. */
@Component
public class UserDirectory {

    private static final RowMapper<KnownUser> USERS = (rs, n) -> new KnownUser(
            rs.getObject("user_id", UUID.class),
            rs.getString("username"),
            rs.getBoolean("is_adult"),
            UserStatus.valueOf(rs.getString("status")),
            rs.getBoolean("deleted"));

    private final JdbcClient jdbc;

    UserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user, deleted or not; empty when no event about them has arrived yet. */
    public Optional<KnownUser> find(UUID userId) {
        return jdbc.sql("select user_id, username, is_adult, status, deleted from users where user_id = :id")
                .param("id", userId)
                .query(USERS)
                .optional();
    }

    /** Whether auth-service ended this device session early (its tokens are refused). */
    public boolean sessionRevoked(UUID deviceSession) {
        return jdbc.sql("select exists (select 1 from revoked_session where session_id = :id)")
                .param("id", deviceSession)
                .query(Boolean.class)
                .single();
    }

    /**
     * The live user with this username (case-insensitive). Empty when none, and also when two rows
     * briefly claim the name (a rename and a new sign-up whose events are still in flight): a share
     * must never reach the wrong person.
     */
    public Optional<KnownUser> findByUsername(String username) {
        List<KnownUser> users =
                jdbc.sql("""
                        select user_id, username, is_adult, status, deleted from users
                        where lower(username) = lower(:username) and not deleted limit 2
                        """).param("username", username.strip()).query(USERS).list();
        return users.size() == 1 ? Optional.of(users.getFirst()) : Optional.empty();
    }

    /**
     * Whether the read model says the user's account is disabled (banned), holding a share lock on their row until
     * the transaction ends, so a ban applied meanwhile waits for it and then finds what it wrote.
     */
    public boolean isDisabledLocked(UUID userId) {
        return jdbc.sql("select status = 'DISABLED' from users where user_id = :id for share")
                .param("id", userId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /**
     * Whether the read model says the user is a live adult, holding a share lock on their row
     * until the transaction ends. A concurrent correction to minor waits for this transaction and
     * then switches off whatever it turned on; so lock the user row before any character row.
     */
    public boolean isAdultLocked(UUID userId) {
        return jdbc.sql("select is_adult and not deleted from users where user_id = :id for share")
                .param("id", userId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }
}
