package com.companion.auth.token.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code signing_key} table, shared by every instance. */
@Repository
class SigningKeyStore {

    /** Serialises rotation across instances (an arbitrary constant, unique within this database). */
    private static final long ROTATION_LOCK = 0x636f6d7061L;

    record StoredKey(
            String kid, byte[] publicKey, byte[] privateKey, String kekId, Instant createdAt, Instant activatesAt) {}

    private final JdbcClient jdbc;

    SigningKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Held until the surrounding transaction ends. */
    void lockForRotation() {
        jdbc.sql("select 1 from pg_advisory_xact_lock(:key)")
                .param("key", ROTATION_LOCK)
                .query(Integer.class)
                .single();
    }

    List<StoredKey> all() {
        return jdbc.sql("""
                        select kid, public_key, private_key, kek_id, created_at, activates_at
                        from signing_key order by activates_at, created_at
                        """)
                .query((rs, n) -> new StoredKey(
                        rs.getString("kid"),
                        rs.getBytes("public_key"),
                        rs.getBytes("private_key"),
                        rs.getString("kek_id"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("activates_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    void insert(StoredKey key) {
        jdbc.sql("""
                        insert into signing_key (kid, public_key, private_key, kek_id, created_at, activates_at)
                        values (:kid, :publicKey, :privateKey, :kekId, :createdAt, :activatesAt)
                        """)
                .param("kid", key.kid())
                .param("publicKey", key.publicKey())
                .param("privateKey", key.privateKey())
                .param("kekId", key.kekId())
                .param("createdAt", utc(key.createdAt()))
                .param("activatesAt", utc(key.activatesAt()))
                .update();
    }

    void delete(String kid) {
        jdbc.sql("delete from signing_key where kid = :kid").param("kid", kid).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
