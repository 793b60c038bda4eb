package com.companion.character.moderation.internal;

import com.companion.character.core.ModerationStatus;
import com.companion.character.core.Sql;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code character_moderation_log} table: every change of a character's moderation state. */
@Repository
public class ModerationLog {

    /** What happened, as stored in {@code action}. */
    public enum Action {
        TAKEDOWN("takedown"),
        RESTORE("restore"),
        HIDE("hide"),
        UNHIDE("unhide");

        private final String wire;

        Action(String wire) {
            this.wire = wire;
        }
    }

    private final JdbcClient jdbc;

    ModerationLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param actorId the administrator or owner who caused it; null when the service decided alone
     *     (re-screening, an owner corrected to a minor)
     */
    public void record(
            UUID characterId,
            Action action,
            @Nullable UUID actorId,
            String reason,
            ModerationStatus previous,
            ModerationStatus next,
            Instant at) {
        jdbc.sql("""
                        insert into character_moderation_log
                            (character_id, action, actor_id, reason, previous_status, new_status, acted_at)
                        values (:id, :action, :actor, :reason, :previous, :next, :at)
                        """)
                .param("id", characterId)
                .param("action", action.wire)
                .param("actor", actorId)
                .param("reason", reason)
                .param("previous", previous.wire())
                .param("next", next.wire())
                .param("at", Sql.timestamp(at))
                .update();
    }
}
