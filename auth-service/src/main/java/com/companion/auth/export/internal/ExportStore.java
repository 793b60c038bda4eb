package com.companion.auth.export.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code data_export} and {@code data_export_part} tables. */
@Repository
public class ExportStore {

    public record ExportRow(
            UUID id,
            UUID userId,
            String status,
            Instant requestedAt,
            Instant deadline,
            Instant completedAt,
            String objectKey,
            List<String> missing) {

        public boolean pending() {
            return "pending".equals(status);
        }
    }

    private final JdbcClient jdbc;

    ExportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, UUID userId, Instant requestedAt, Instant deadline) {
        jdbc.sql("""
                        insert into data_export (id, user_id, status, requested_at, deadline)
                        values (:id, :user, 'pending', :requested, :deadline)
                        """)
                .param("id", id)
                .param("user", userId)
                .param("requested", java.sql.Timestamp.from(requestedAt))
                .param("deadline", java.sql.Timestamp.from(deadline))
                .update();
    }

    public Optional<ExportRow> find(UUID id) {
        return jdbc.sql("select * from data_export where id = :id")
                .param("id", id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** The user's pending job, locking the user's jobs so two concurrent requests start one. */
    public Optional<ExportRow> pendingOf(UUID userId) {
        jdbc.sql("select id from users where id = :user for update")
                .param("user", userId)
                .query(UUID.class)
                .optional();
        return jdbc.sql("""
                        select * from data_export where user_id = :user and status = 'pending'
                        order by requested_at desc limit 1
                        """).param("user", userId).query((rs, n) -> row(rs)).optional();
    }

    /** Records a service's part once; answers false when the service had already reported it. */
    public boolean addPart(UUID exportId, String service, String key, Instant at) {
        return jdbc.sql("""
                        insert into data_export_part (export_id, service, object_key, received_at)
                        values (:id, :service, :key, :at)
                        on conflict do nothing
                        """)
                        .param("id", exportId)
                        .param("service", service)
                        .param("key", key)
                        .param("at", java.sql.Timestamp.from(at))
                        .update()
                == 1;
    }

    public Set<String> parts(UUID exportId) {
        return new TreeSet<>(jdbc.sql("select service from data_export_part where export_id = :id")
                .param("id", exportId)
                .query(String.class)
                .list());
    }

    /** Pending → ready; false when the job is no longer pending (it failed meanwhile). */
    public boolean markReady(UUID id, String objectKey, Instant at) {
        return jdbc.sql("""
                        update data_export set status = 'ready', object_key = :key, completed_at = :at
                        where id = :id and status = 'pending'
                        """)
                        .param("id", id)
                        .param("key", objectKey)
                        .param("at", java.sql.Timestamp.from(at))
                        .update()
                == 1;
    }

    public boolean markFailed(UUID id, List<String> missing, Instant at) {
        return jdbc.sql("""
                        update data_export set status = 'failed', missing = :missing, completed_at = :at
                        where id = :id and status = 'pending'
                        """)
                        .param("id", id)
                        .param("missing", String.join(",", missing))
                        .param("at", java.sql.Timestamp.from(at))
                        .update()
                == 1;
    }

    /** Pending jobs whose deadline passed, locked for this sweep. */
    public List<ExportRow> overdue(Instant now) {
        return jdbc.sql("""
                        select * from data_export where status = 'pending' and deadline < :now
                        order by deadline limit 100 for update skip locked
                        """)
                .param("now", java.sql.Timestamp.from(now))
                .query((rs, n) -> row(rs))
                .list();
    }

    /** Finished jobs older than {@code before}. */
    public List<ExportRow> finishedBefore(Instant before) {
        return jdbc.sql("""
                        select * from data_export where status <> 'pending' and completed_at < :before
                        order by completed_at limit 100
                        """)
                .param("before", java.sql.Timestamp.from(before))
                .query((rs, n) -> row(rs))
                .list();
    }

    public List<UUID> idsOf(UUID userId) {
        return jdbc.sql("select id from data_export where user_id = :user")
                .param("user", userId)
                .query(UUID.class)
                .list();
    }

    public void delete(UUID id) {
        jdbc.sql("delete from data_export where id = :id").param("id", id).update();
    }

    private static ExportRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        String missing = rs.getString("missing");
        return new ExportRow(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("status"),
                instant(rs.getTimestamp("requested_at")),
                instant(rs.getTimestamp("deadline")),
                instant(rs.getTimestamp("completed_at")),
                rs.getString("object_key"),
                missing == null || missing.isEmpty() ? List.of() : Arrays.asList(missing.split(",")));
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
