package com.companion.chat.account;

import com.companion.chat.access.AccountDeleted;
import com.companion.chat.session.SessionRepository;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What chat-service erases when an account is deleted: every session of the user with all its
 * messages, alternatives and requests (deleted, not flagged: the rows go), the user's daily usage,
 * what the guard refused from them and their revoked sign-ins. The user's read-model row stays as a tombstone without a name, so
 * that a token issued before the deletion is still refused.
 */
@Component
public class AccountErasure {

    private static final Logger log = LoggerFactory.getLogger(AccountErasure.class);

    private final JdbcClient jdbc;
    private final SessionRepository sessions;

    AccountErasure(JdbcClient jdbc, SessionRepository sessions) {
        this.jdbc = jdbc;
        this.sessions = sessions;
    }

    /** Runs synchronously in the transaction that applies the UserDeleted event. */
    @EventListener
    void erase(AccountDeleted deleted) {
        UUID userId = deleted.userId();
        int erased = sessions.deleteAllOf(userId);
        jdbc.sql("delete from chat_usage where user_id = :user")
                .param("user", userId)
                .update();
        jdbc.sql("delete from blocked_message where user_id = :user")
                .param("user", userId)
                .update();
        jdbc.sql("delete from revoked_session where user_id = :user")
                .param("user", userId)
                .update();
        log.info("user {} deleted: erased {} sessions with their messages", userId, erased);
    }
}
