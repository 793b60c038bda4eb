package com.companion.auth.account.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Failure counts per (subject, client) and the clients known to an account; see {@code V2__login_throttle.sql}. */
@Repository
public class LoginThrottleStore {

    /** A counted attempt: its number in the current window and, if it was the last allowed one, the lock it set. */
    public record Counted(int number, Instant lockedUntil) {}

    private final JdbcClient jdbc;

    LoginThrottleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts an attempt before it runs, so that concurrent guesses cannot all slip in before the first failure is
     * recorded: at most {@code max} attempts start per {@code window}. The attempt that reaches {@code max} also sets
     * a lock for {@code window}, which its success clears. A window that ended, or a lock that expired, starts the count afresh. Empty
     * while locked.
     */
    public Optional<Counted> count(String subject, String client, Instant now, int max, Duration window) {
        return jdbc.sql("""
                        insert into login_throttle as t (subject, client, failures, window_started_at, locked_until)
                        values (:subject, :client, 1, :now, case when 1 >= :max then cast(:windowEnd as timestamptz) end)
                        on conflict (subject, client) do update set
                            failures = case when t.window_started_at <= :windowStartedBefore or t.locked_until <= :now
                                then 1 else t.failures + 1 end,
                            window_started_at = case
                                when t.window_started_at <= :windowStartedBefore or t.locked_until <= :now
                                then :now else t.window_started_at end,
                            locked_until = case
                                when (case when t.window_started_at <= :windowStartedBefore or t.locked_until <= :now
                                    then 1 else t.failures + 1 end) >= :max
                                then cast(:windowEnd as timestamptz) end
                        where t.locked_until is null or t.locked_until <= :now
                        returning failures, locked_until
                        """)
                .param("subject", subject)
                .param("client", client)
                .param("now", utc(now))
                .param("max", max)
                .param("windowEnd", utc(now.plus(window)))
                .param("windowStartedBefore", utc(now.minus(window)))
                .query((rs, n) ->
                        new Counted(rs.getInt("failures"), instant(rs.getObject("locked_until", OffsetDateTime.class))))
                .optional();
    }

    public Optional<Instant> lockedUntil(String subject, String client, Instant now) {
        return jdbc.sql("""
                        select locked_until from login_throttle
                        where subject = :subject and client = :client and locked_until > :now
                        """)
                .param("subject", subject)
                .param("client", client)
                .param("now", utc(now))
                .query((rs, n) -> instant(rs.getObject("locked_until", OffsetDateTime.class)))
                .optional();
    }

    /** The client proved the password: its count starts afresh and it is known to the subject from now on. */
    public void succeeded(String subject, String client, Instant now) {
        jdbc.sql("delete from login_throttle where subject = :subject and client = :client")
                .param("subject", subject)
                .param("client", client)
                .update();
        jdbc.sql("""
                        insert into login_known_client (subject, client, last_signed_in) values (:subject, :client, :now)
                        on conflict (subject, client) do update set last_signed_in = excluded.last_signed_in
                        """)
                .param("subject", subject)
                .param("client", client)
                .param("now", utc(now))
                .update();
    }

    public boolean known(String subject, String client, Instant signedInSince) {
        return jdbc.sql("""
                        select exists (select 1 from login_known_client
                            where subject = :subject and client = :client and last_signed_in > :since)
                        """)
                .param("subject", subject)
                .param("client", client)
                .param("since", utc(signedInSince))
                .query(Boolean.class)
                .single();
    }

    /** Forgets windows and locks that ended before {@code before}, and clients not seen since {@code knownSince}. */
    public int forget(Instant before, Instant knownSince) {
        int throttles = jdbc.sql("""
                        delete from login_throttle
                        where window_started_at < :before and (locked_until is null or locked_until < :before)
                        """).param("before", utc(before)).update();
        return throttles
                + jdbc.sql("delete from login_known_client where last_signed_in < :since")
                        .param("since", utc(knownSince))
                        .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
