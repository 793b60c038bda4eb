package com.companion.chat.moderation;

import com.companion.chat.session.Cursor;
import com.companion.chat.session.Page;
import com.companion.contracts.moderation.AdminActionRecorded;
import com.companion.platform.messaging.outbox.Outbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform's moderation audit: chat-service's own administrative actions, recorded and published on {@code
 * moderation.audit.v1} in the transaction that takes them, and those of auth- and character-service read from that
 * topic. Keyed by action id, so a record delivered twice (or chat's own coming back) is kept once.
 */
@Component
class ModerationAudit {

    static final String SERVICE = "chat-service";

    record Entry(
            UUID actionId,
            String service,
            String action,
            String targetType,
            UUID targetId,
            @Nullable UUID adminId,
            @Nullable String reason,
            Instant occurredAt) {}

    private final JdbcClient jdbc;
    private final Outbox outbox;

    ModerationAudit(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** Records one of chat-service's own actions and publishes it, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void record(
            String action,
            String targetType,
            UUID targetId,
            @Nullable UUID adminId,
            @Nullable String reason,
            Instant at) {
        AdminActionRecorded entry =
                new AdminActionRecorded(UUID.randomUUID(), SERVICE, action, targetType, targetId, adminId, reason, at);
        keep(entry);
        outbox.publish(entry);
    }

    /** Keeps an entry read from the topic; one already kept is left as it is. */
    void keep(AdminActionRecorded entry) {
        jdbc.sql("""
                        insert into moderation_audit
                            (action_id, service, action, target_type, target_id, admin_id, reason, occurred_at)
                        values (:id, :service, :action, :targetType, :targetId, :admin, :reason, :at)
                        on conflict (action_id) do nothing
                        """)
                .param("id", entry.actionId())
                .param("service", entry.service())
                .param("action", entry.action())
                .param("targetType", entry.targetType())
                .param("targetId", entry.targetId())
                .param("admin", entry.adminId())
                .param("reason", entry.reason())
                .param("at", OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC))
                .update();
    }

    /** Newest first, optionally about one target; keyset-paginated. */
    Page<Entry> list(@Nullable UUID targetId, int limit, @Nullable String cursor) {
        Cursor after = Cursor.parse(cursor);
        List<Entry> items = jdbc.sql("""
                        select action_id, service, action, target_type, target_id, admin_id, reason, occurred_at
                        from moderation_audit
                        where (cast(:target as uuid) is null or target_id = :target)
                          and (cast(:beforeAt as timestamptz) is null or (occurred_at, action_id) < (:beforeAt, :beforeId))
                        order by occurred_at desc, action_id desc limit :limit
                        """)
                .param("target", targetId)
                .param("beforeAt", after == null ? null : after.atUtc())
                .param("beforeId", after == null ? null : after.id())
                .param("limit", limit)
                .query((rs, n) -> entry(rs))
                .list();
        String next = items.size() < limit
                ? null
                : new Cursor(items.getLast().occurredAt(), items.getLast().actionId()).encode();
        return new Page<>(items, next);
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(
                rs.getObject("action_id", UUID.class),
                rs.getString("service"),
                rs.getString("action"),
                rs.getString("target_type"),
                rs.getObject("target_id", UUID.class),
                rs.getObject("admin_id", UUID.class),
                rs.getString("reason"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant());
    }
}
