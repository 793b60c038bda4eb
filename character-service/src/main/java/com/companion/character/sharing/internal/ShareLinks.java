package com.companion.character.sharing.internal;

import com.companion.character.core.Sql;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code share_links} table. A link is usable while neither revoked nor expired. */
@Repository
public class ShareLinks {

    private final JdbcClient jdbc;

    ShareLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(byte[] tokenHash, UUID characterId, Instant now, @Nullable Instant expiresAt) {
        jdbc.sql("""
                        insert into share_links (token_hash, character_id, created_at, expires_at)
                        values (:hash, :id, :now, :expires)
                        """)
                .param("hash", tokenHash)
                .param("id", characterId)
                .param("now", Sql.timestamp(now))
                .param("expires", Sql.timestamp(expiresAt))
                .update();
    }

    /** The character a usable link leads to. */
    public Optional<UUID> usableCharacterId(byte[] tokenHash, Instant now) {
        return jdbc.sql("""
                        select character_id from share_links
                        where token_hash = :hash and revoked_at is null and (expires_at is null or expires_at > :now)
                        """)
                .param("hash", tokenHash)
                .param("now", Sql.timestamp(now))
                .query(UUID.class)
                .optional();
    }

    /** Answers whether a usable link of this character was revoked. */
    public boolean revoke(UUID characterId, byte[] tokenHash, Instant now) {
        return jdbc.sql("""
                        update share_links set revoked_at = :now
                        where token_hash = :hash and character_id = :id and revoked_at is null
                        """)
                        .param("hash", tokenHash)
                        .param("id", characterId)
                        .param("now", Sql.timestamp(now))
                        .update()
                == 1;
    }

    public int revokeAll(UUID characterId, Instant now) {
        return jdbc.sql("update share_links set revoked_at = :now where character_id = :id and revoked_at is null")
                .param("id", characterId)
                .param("now", Sql.timestamp(now))
                .update();
    }
}
