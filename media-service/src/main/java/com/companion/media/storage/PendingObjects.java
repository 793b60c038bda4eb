package com.companion.media.storage;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The journal of objects that may exist in the bucket with no media row owning them. A key is
 * written here (committed) before its object is put, and leaves in the transaction that records
 * the media row; a deleted row puts its keys back, due at once. Whatever is still here when it
 * falls due is deleted from the bucket by {@link ObjectJanitor}: a crash at any point leaves
 * nothing behind for long, and a row never points at a missing object.
 */
@Repository
public class PendingObjects {

    private final JdbcClient jdbc;

    PendingObjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records keys about to be written, to be swept after {@code grace} unless adopted first. */
    public void expect(Collection<String> keys, Duration grace) {
        for (String key : keys) {
            jdbc.sql("""
                            insert into pending_object (object_key, sweep_after)
                            values (:key, now() + make_interval(secs => :secs))
                            on conflict (object_key) do update set sweep_after = excluded.sweep_after
                            """)
                    .param("key", key)
                    .param("secs", grace.toMillis() / 1000.0)
                    .update();
        }
    }

    /** Records keys whose objects are no longer wanted: the next sweep deletes them. */
    public void dueNow(Collection<String> keys) {
        expect(keys, Duration.ZERO);
    }

    /**
     * Takes the keys off the journal because a media row is about to own them; call it in the
     * transaction that inserts the row. False when any of them has already fallen due (a sweep may
     * be deleting it): the caller must then roll back rather than record a row for a doomed object.
     */
    public boolean adopt(Collection<String> keys) {
        int adopted = jdbc.sql("delete from pending_object where object_key = any(:keys) and sweep_after > now()")
                .param("keys", keys.toArray(String[]::new))
                .update();
        return adopted == keys.size();
    }

    /** Forgets keys whose objects are gone. */
    void settle(Collection<String> keys) {
        jdbc.sql("delete from pending_object where object_key = any(:keys)")
                .param("keys", keys.toArray(String[]::new))
                .update();
    }

    /**
     * Claims up to {@code limit} due keys for {@code lease}: other instances skip them meanwhile, and
     * if this one dies they can be claimed again when the lease ends.
     */
    List<String> claimDue(int limit, Duration lease) {
        return jdbc.sql("""
                        update pending_object set claimed_until = now() + make_interval(secs => :secs)
                        where object_key in (
                            select object_key from pending_object
                            where sweep_after <= now() and (claimed_until is null or claimed_until <= now())
                            order by sweep_after limit :limit for update skip locked)
                        returning object_key
                        """)
                .param("secs", lease.toMillis() / 1000.0)
                .param("limit", limit)
                .query(String.class)
                .list();
    }
}
