package com.companion.character.users.internal;

import com.companion.character.users.UserIsMinor;
import com.companion.character.users.UserRemoved;
import com.companion.character.users.UserStatusChanged;
import com.companion.contracts.Event;
import com.companion.contracts.EventEnvelope;
import com.companion.contracts.auth.SessionRevoked;
import com.companion.contracts.auth.UserDeleted;
import com.companion.contracts.auth.UserRegistered;
import com.companion.contracts.auth.UserStatus;
import com.companion.contracts.auth.UserUpdated;
import com.companion.platform.messaging.inbox.ProcessedEvents;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Applies {@code auth.users.v1} events once each, together with their effects on characters. */
@Component
public class UserReadModel {

    static final String CONSUMER = "character-service:auth.users";

    private static final Logger log = LoggerFactory.getLogger(UserReadModel.class);

    private final JdbcClient jdbc;
    private final ProcessedEvents processed;
    private final ApplicationEventPublisher effects;

    UserReadModel(JdbcClient jdbc, ProcessedEvents processed, ApplicationEventPublisher effects) {
        this.jdbc = jdbc;
        this.processed = processed;
        this.effects = effects;
    }

    @Transactional
    public void apply(EventEnvelope<Event> envelope) {
        processed.once(CONSUMER, envelope, event -> {
            switch (event) {
                case UserRegistered e -> upsert(e.userId(), e.username(), e.isAdult(), e.status());
                case UserUpdated e -> upsert(e.userId(), e.username(), e.isAdult(), e.status());
                case UserDeleted e -> delete(e.userId());
                case SessionRevoked e -> revoked(e.sessionId(), e.revokedAt());
                default ->
                    log.debug("ignoring {} on the users topic", event.getClass().getSimpleName());
            }
        });
    }

    /** A device session ended early; rows older than any access token can live are dropped on the way. */
    private void revoked(UUID deviceSession, Instant at) {
        jdbc.sql("insert into revoked_session (session_id, revoked_at) values (:id, :at) on conflict do nothing")
                .param("id", deviceSession)
                .param("at", Timestamp.from(at))
                .update();
        jdbc.sql("delete from revoked_session where revoked_at < :before")
                .param("before", Timestamp.from(at.minus(Duration.ofDays(1))))
                .update();
    }

    /**
     * Both events carry the full snapshot. A deleted user is never brought back. The row is locked first, so the
     * status it had is known: a ban or a lifted ban is announced.
     */
    private void upsert(UUID userId, String username, boolean isAdult, UserStatus status) {
        boolean wasDisabled = jdbc.sql("select status = 'DISABLED' from users where user_id = :id for update")
                .param("id", userId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
        int applied = jdbc.sql("""
                        insert into users (user_id, username, is_adult, status, updated_at)
                        values (:id, :username, :adult, :status, now())
                        on conflict (user_id) do update
                            set username = excluded.username, is_adult = excluded.is_adult,
                                status = excluded.status, updated_at = excluded.updated_at
                            where not users.deleted
                        """)
                .param("id", userId)
                .param("username", username)
                .param("adult", isAdult)
                .param("status", status.name())
                .update();
        if (applied == 1 && !isAdult) {
            effects.publishEvent(new UserIsMinor(userId));
        }
        boolean disabled = status == UserStatus.DISABLED;
        if (applied == 1 && disabled != wasDisabled) {
            effects.publishEvent(new UserStatusChanged(userId, disabled));
        }
    }

    /**
     * Erases what is known of the user but the id: the row stays as a marker so that a late
     * registration or update (another partition, a redelivery) never brings the user back.
     */
    private void delete(UUID userId) {
        jdbc.sql("""
                        insert into users (user_id, username, is_adult, status, deleted, updated_at)
                        values (:id, '', false, 'DISABLED', true, now())
                        on conflict (user_id) do update
                            set username = '', deleted = true, is_adult = false, status = 'DISABLED', updated_at = now()
                        """).param("id", userId).update();
        effects.publishEvent(new UserRemoved(userId));
    }
}
