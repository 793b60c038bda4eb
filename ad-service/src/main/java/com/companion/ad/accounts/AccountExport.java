package com.companion.ad.accounts;

import com.companion.contracts.Event;
import com.companion.contracts.EventEnvelope;
import com.companion.contracts.Topics;
import com.companion.contracts.auth.ExportRequested;
import com.companion.contracts.export.ExportPartReady;
import com.companion.platform.export.ExportStorage;
import com.companion.platform.messaging.inbox.ProcessedEvents;
import com.companion.platform.messaging.kafka.Records;
import com.companion.platform.messaging.outbox.Outbox;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ad-service's part of a user's data export ({@code auth.export-requested}): the ad counter of each of
 * the user's sessions with every reply counted in it (and whether it brought an ad), and every ad
 * the user was shown or clicked. Written to {@code exports/<id>/ad-service.json}; {@code
 * export.part-ready} goes out once per request (a redelivery rewrites the same object, publishes nothing).
 */
@Component
class AccountExport {

    static final String SERVICE = "ad-service";
    static final String CONSUMER = "ad-service:auth.exports";
    private static final Logger log = LoggerFactory.getLogger(AccountExport.class);

    record Part(UUID userId, Instant exportedAt, List<SessionCounter> sessions, List<Impression> impressions) {}

    record SessionCounter(UUID sessionId, long replies, Instant updatedAt, List<CountedReply> countedReplies) {}

    record CountedReply(UUID requestId, long adCounter, boolean showAd, UUID adId, Instant countedAt) {}

    record Impression(UUID adId, String adTitle, UUID sessionId, String event, Instant recordedAt) {}

    private final JdbcClient jdbc;
    private final ExportStorage storage;
    private final ProcessedEvents processed;
    private final Outbox outbox;
    private final TransactionTemplate transaction;

    AccountExport(
            JdbcClient jdbc,
            ExportStorage storage,
            ProcessedEvents processed,
            Outbox outbox,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.storage = storage;
        this.processed = processed;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @KafkaListener(topics = Topics.EXPORT_REQUESTS, groupId = "${platform.kafka.consumer-group}")
    void on(ConsumerRecord<String, String> record) {
        Records.event(record)
                .filter(envelope -> envelope.data() instanceof ExportRequested)
                .ifPresent(this::answer);
    }

    private void answer(EventEnvelope<Event> envelope) {
        ExportRequested request = (ExportRequested) envelope.data();
        Part part = transaction.execute(status -> collect(request.userId()));
        String key = storage.writePart(request.exportId(), SERVICE, part);
        transaction.executeWithoutResult(status -> processed.once(CONSUMER, envelope, event -> {
            outbox.publish(new ExportPartReady(request.exportId(), request.userId(), SERVICE, key, Instant.now()));
            log.info(
                    "export {}: wrote {} sessions and {} impressions of user {}",
                    request.exportId(),
                    part.sessions().size(),
                    part.impressions().size(),
                    request.userId());
        }));
    }

    private Part collect(UUID userId) {
        List<SessionCounter> sessions = jdbc
                .sql("""
                        select session_id, replies, updated_at from session_counter where user_id = :user
                        order by updated_at, session_id
                        """)
                .param("user", userId)
                .query((rs, n) -> new SessionCounter(
                        rs.getObject("session_id", UUID.class),
                        rs.getLong("replies"),
                        rs.getTimestamp("updated_at").toInstant(),
                        List.of()))
                .list()
                .stream()
                .map(session -> new SessionCounter(
                        session.sessionId(), session.replies(), session.updatedAt(), replies(session.sessionId())))
                .toList();
        List<Impression> impressions = jdbc.sql("""
                        select i.ad_id, a.title, i.session_id, i.event, i.recorded_at
                        from impression i join ad a on a.id = i.ad_id
                        where i.user_id = :user order by i.recorded_at, i.id
                        """)
                .param("user", userId)
                .query((rs, n) -> new Impression(
                        rs.getObject("ad_id", UUID.class),
                        rs.getString("title"),
                        rs.getObject("session_id", UUID.class),
                        rs.getString("event"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
        return new Part(userId, Instant.now(), sessions, impressions);
    }

    private List<CountedReply> replies(UUID sessionId) {
        return jdbc.sql("""
                        select request_id, ad_counter, show_ad, ad_id, counted_at from counted_reply
                        where session_id = :session order by ad_counter
                        """)
                .param("session", sessionId)
                .query((rs, n) -> new CountedReply(
                        rs.getObject("request_id", UUID.class),
                        rs.getLong("ad_counter"),
                        rs.getBoolean("show_ad"),
                        rs.getObject("ad_id", UUID.class),
                        rs.getTimestamp("counted_at").toInstant()))
                .list();
    }
}
