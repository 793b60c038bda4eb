package com.companion.ad.accounts;

import com.companion.contracts.Topics;
import com.companion.contracts.auth.SessionRevoked;
import com.companion.contracts.auth.UserDeleted;
import com.companion.contracts.auth.UserStatus;
import com.companion.contracts.auth.UserUpdated;
import com.companion.platform.messaging.kafka.Records;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What auth-service's topics tell ad-service, one transaction per event. A deleted user ({@code
 * auth.user-deleted}): their sessions' counters and counted replies and their impressions are
 * erased, and the id is remembered so a reply still in flight is not counted afterwards. A disabled
 * (banned) account and a device session ended early are remembered for the {@link AccountGate}. Each
 * step is idempotent, so a redelivered event changes nothing; other events are skipped.
 */
@Component
class AccountErasure {

    private static final Logger log = LoggerFactory.getLogger(AccountErasure.class);

    private final JdbcClient jdbc;

    AccountErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @KafkaListener(
            topics = {Topics.AUTH_USERS, Topics.AUTH_SESSIONS},
            groupId = "${platform.kafka.consumer-group}")
    @Transactional
    void on(ConsumerRecord<String, String> record) {
        Records.event(record).ifPresent(envelope -> {
            switch (envelope.data()) {
                case UserDeleted deleted -> erase(deleted.userId());
                case UserUpdated updated
                when updated.status() == UserStatus.ACTIVE ->
                    jdbc.sql("delete from disabled_user where user_id = :user")
                            .param("user", updated.userId())
                            .update();
                case UserUpdated updated ->
                    jdbc.sql("insert into disabled_user (user_id) values (:user) on conflict do nothing")
                            .param("user", updated.userId())
                            .update();
                case SessionRevoked revoked -> revoked(revoked.sessionId(), revoked.revokedAt());
                default -> {
                    // registrations and other events change nothing here
                }
            }
        });
    }

    private void revoked(UUID deviceSession, Instant at) {
        jdbc.sql("insert into revoked_session (session_id, revoked_at) values (:id, :at) on conflict do nothing")
                .param("id", deviceSession)
                .param("at", Timestamp.from(at))
                .update();
        jdbc.sql("delete from revoked_session where revoked_at < :before")
                .param("before", Timestamp.from(at.minus(Duration.ofDays(1))))
                .update();
    }

    private void erase(UUID userId) {
        jdbc.sql("insert into erased_user (user_id) values (:user) on conflict (user_id) do nothing")
                .param("user", userId)
                .update();
        int impressions = jdbc.sql("delete from impression where user_id = :user")
                .param("user", userId)
                .update();
        int replies = jdbc.sql("""
                        delete from counted_reply
                        where session_id in (select session_id from session_counter where user_id = :user)
                        """).param("user", userId).update();
        int sessions = jdbc.sql("delete from session_counter where user_id = :user")
                .param("user", userId)
                .update();
        log.info(
                "erased user {}: {} sessions, {} counted replies, {} impressions",
                userId,
                sessions,
                replies,
                impressions);
    }
}
