package com.companion.auth.mail.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code mail_outbox} table: mail committed and not yet accepted by the SMTP server. */
@Repository
public class MailOutboxStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {};

    /** A mail due to be sent; {@code attempts} counts earlier tries. */
    public record QueuedMail(long id, String recipient, String template, Map<String, String> params, int attempts) {}

    private final JdbcClient jdbc;

    MailOutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String recipient, String template, Map<String, String> params, Instant now) {
        jdbc.sql("""
                        insert into mail_outbox (recipient, template, params, created_at, next_attempt_at)
                        values (:recipient, :template, cast(:params as jsonb), :now, :now)
                        """)
                .param("recipient", recipient)
                .param("template", template)
                .param("params", JSON.writeValueAsString(params))
                .param("now", utc(now))
                .update();
    }

    /** Due mail, locked for this transaction; rows another instance holds are skipped. */
    List<QueuedMail> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                        select id, recipient, template, params::text as params, attempts from mail_outbox
                        where failed_at is null and next_attempt_at <= :now
                        order by id limit :limit for update skip locked
                        """)
                .param("now", utc(now))
                .param("limit", limit)
                .query((rs, n) -> new QueuedMail(
                        rs.getLong("id"),
                        rs.getString("recipient"),
                        rs.getString("template"),
                        JSON.readValue(rs.getString("params"), PARAMS),
                        rs.getInt("attempts")))
                .list();
    }

    void sent(long id) {
        jdbc.sql("delete from mail_outbox where id = :id").param("id", id).update();
    }

    void retryAt(long id, Instant next, String error) {
        jdbc.sql("""
                        update mail_outbox set attempts = attempts + 1, next_attempt_at = :next, last_error = :error
                        where id = :id
                        """)
                .param("id", id)
                .param("next", utc(next))
                .param("error", error)
                .update();
    }

    void failed(long id, Instant now, String error) {
        jdbc.sql("""
                        update mail_outbox set attempts = attempts + 1, failed_at = :now, last_error = :error
                        where id = :id
                        """)
                .param("id", id)
                .param("now", utc(now))
                .param("error", error)
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
