package com.companion.ad.accounts;

import com.companion.contracts.Topics;
import com.companion.contracts.auth.UserDeleted;
import com.companion.platform.messaging.kafka.Records;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases what ad-service holds on a deleted user ({@code auth.user-deleted}): their sessions'
 * counters and counted replies and their impressions, in one transaction, and remembers the id
 * so a reply still in flight is not counted afterwards. Deleting is idempotent, so a redelivered
 * event changes nothing; other events on the topic are skipped.
 */
@Component
class AccountErasure {

    private static final Logger log = LoggerFactory.getLogger(AccountErasure.class);

    private final JdbcClient jdbc;

    AccountErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = Topics.AUTH_USERS, groupId = "${platform.kafka.consumer-group}")
    @Transactional
    void on(ConsumerRecord<String, String> record) {
        Records.event(record)
                .filter(envelope -> envelope.data() instanceof UserDeleted)
                .ifPresent(envelope -> erase(((UserDeleted) envelope.data()).userId()));
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
