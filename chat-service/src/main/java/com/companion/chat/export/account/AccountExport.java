package com.companion.chat.export.account;

import com.companion.contracts.Event;
import com.companion.contracts.EventEnvelope;
import com.companion.contracts.Topics;
import com.companion.contracts.auth.ExportRequested;
import com.companion.contracts.export.ExportPartReady;
import com.companion.platform.export.ExportStorage;
import com.companion.platform.messaging.inbox.ProcessedEvents;
import com.companion.platform.messaging.kafka.Records;
import com.companion.platform.messaging.outbox.Outbox;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * chat-service's part of a user's data export ({@code auth.export-requested}): every session of the
 * user with every message of its tree (alternatives and messages taken off the active path included,
 * each with its parent, so the branches can be rebuilt), the messages the guard refused, and the
 * daily usage. Written to {@code exports/<id>/chat-service.json} from one read-only transaction
 * (a consistent snapshot); {@code export.part-ready} goes out once per request, a redelivery
 * rewrites the same object and publishes nothing.
 */
@Component
class AccountExport {

    static final String SERVICE = "chat-service";
    static final String CONSUMER = "chat-service:auth.exports";
    private static final Logger log = LoggerFactory.getLogger(AccountExport.class);

    record Part(
            UUID userId,
            Instant exportedAt,
            List<Session> sessions,
            List<PinnedMemory> memories,
            List<BlockedMessage> blockedMessages,
            List<DailyUsage> dailyUsage) {}

    /** A fact the user pinned for a character ({@code /memories}). */
    record PinnedMemory(UUID id, UUID characterId, String content, Instant createdAt) {}

    record Session(
            UUID id,
            UUID characterId,
            @Nullable String characterName,
            String title,
            boolean pinned,
            boolean archived,
            @Nullable UUID activeLeafId,
            Instant createdAt,
            Instant lastActivityAt,
            @Nullable String summary,
            List<Message> messages) {}

    record Message(
            UUID id,
            @Nullable UUID parentId,
            String role,
            String content,
            Instant createdAt,
            @Nullable Instant deletedAt) {}

    /** {@code sessionId} is null for a refused pinned memory. */
    record BlockedMessage(
            UUID id,
            @Nullable UUID sessionId,
            UUID characterId,
            String policy,
            List<String> categories,
            String content,
            Instant createdAt) {}

    record DailyUsage(LocalDate day, int used) {}

    private final JdbcClient jdbc;
    private final ExportStorage storage;
    private final ProcessedEvents processed;
    private final Outbox outbox;
    private final TransactionTemplate snapshot;
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
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionTemplate.ISOLATION_REPEATABLE_READ);
    }

    @KafkaListener(topics = Topics.EXPORT_REQUESTS, groupId = "${platform.kafka.consumer-group}")
    void on(ConsumerRecord<String, String> record) {
        Records.event(record)
                .filter(envelope -> envelope.data() instanceof ExportRequested)
                .ifPresent(this::answer);
    }

    private void answer(EventEnvelope<Event> envelope) {
        ExportRequested request = (ExportRequested) envelope.data();
        Part part = snapshot.execute(status -> collect(request.userId()));
        String key = storage.writePart(request.exportId(), SERVICE, part);
        transaction.executeWithoutResult(status -> processed.once(CONSUMER, envelope, event -> {
            outbox.publish(new ExportPartReady(request.exportId(), request.userId(), SERVICE, key, Instant.now()));
            log.info(
                    "export {}: wrote {} sessions of user {}",
                    request.exportId(),
                    part.sessions().size(),
                    request.userId());
        }));
    }

    private Part collect(UUID userId) {
        List<Session> sessions = jdbc
                .sql("""
                        select s.id, s.character_id,
                               -- the character's name only while the user may still see the character
                               case when c.owner_id = s.user_id or c.visibility = 'PUBLIC'
                                         or s.user_id = any(c.grantee_ids) then c.name end as name,
                               s.title, s.pinned, s.archived, s.active_leaf_id,
                               s.created_at, s.last_activity_at, s.summary
                        from chat_session s left join character_view c on c.character_id = s.character_id
                        where s.user_id = :user
                        order by s.created_at, s.id
                        """)
                .param("user", userId)
                .query((rs, n) -> new Session(
                        rs.getObject("id", UUID.class),
                        rs.getObject("character_id", UUID.class),
                        rs.getString("name"),
                        rs.getString("title"),
                        rs.getBoolean("pinned"),
                        rs.getBoolean("archived"),
                        rs.getObject("active_leaf_id", UUID.class),
                        instant(rs, "created_at"),
                        instant(rs, "last_activity_at"),
                        rs.getString("summary"),
                        List.of()))
                .list()
                .stream()
                .map(session -> new Session(
                        session.id(),
                        session.characterId(),
                        session.characterName(),
                        session.title(),
                        session.pinned(),
                        session.archived(),
                        session.activeLeafId(),
                        session.createdAt(),
                        session.lastActivityAt(),
                        session.summary(),
                        messages(session.id())))
                .toList();
        List<BlockedMessage> blocked = jdbc.sql("""
                        select id, session_id, character_id, policy, categories, content, created_at
                        from blocked_message where user_id = :user order by created_at, id
                        """)
                .param("user", userId)
                .query((rs, n) -> new BlockedMessage(
                        rs.getObject("id", UUID.class),
                        rs.getObject("session_id", UUID.class),
                        rs.getObject("character_id", UUID.class),
                        rs.getString("policy"),
                        strings(rs.getArray("categories")),
                        rs.getString("content"),
                        instant(rs, "created_at")))
                .list();
        List<PinnedMemory> memories = jdbc.sql("""
                        select id, character_id, content, created_at from chat_memory
                        where user_id = :user order by created_at, id
                        """)
                .param("user", userId)
                .query((rs, n) -> new PinnedMemory(
                        rs.getObject("id", UUID.class),
                        rs.getObject("character_id", UUID.class),
                        rs.getString("content"),
                        instant(rs, "created_at")))
                .list();
        List<DailyUsage> usage = jdbc.sql("select day, used from chat_usage where user_id = :user order by day")
                .param("user", userId)
                .query((rs, n) -> new DailyUsage(rs.getObject("day", LocalDate.class), rs.getInt("used")))
                .list();
        return new Part(userId, Instant.now(), sessions, memories, blocked, usage);
    }

    private List<Message> messages(UUID sessionId) {
        return jdbc.sql("""
                        select id, parent_id, role, content, created_at, deleted_at
                        from chat_message where session_id = :session order by seq
                        """)
                .param("session", sessionId)
                .query((rs, n) -> new Message(
                        rs.getObject("id", UUID.class),
                        rs.getObject("parent_id", UUID.class),
                        rs.getString("role"),
                        rs.getString("content"),
                        instant(rs, "created_at"),
                        rs.getTimestamp("deleted_at") == null ? null : instant(rs, "deleted_at")))
                .list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
