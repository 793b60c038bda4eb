package com.companion.character.core;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code character_grants} table: who was given access to a character. Callers hold the
 * character's row lock (see {@link CharacterStore#lock}) and publish the change.
 */
@Repository
public class Grants {

    private final JdbcClient jdbc;

    Grants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<UUID> granteeIds(UUID characterId) {
        return jdbc.sql("select grantee_id from character_grants where character_id = :id order by grantee_id")
                .param("id", characterId)
                .query(UUID.class)
                .list();
    }

    /** When a grant was first given, and whether that was just now. */
    public record Granted(Instant grantedAt, boolean isNew) {}

    /**
     * A direct share. An earlier grant obtained through a link becomes direct, so revoking that
     * link no longer takes it back.
     */
    public Granted grantDirectly(UUID characterId, UUID granteeId, Instant now) {
        return jdbc.sql("""
                        insert into character_grants (character_id, grantee_id, granted_at, via_link)
                        values (:id, :grantee, :now, null)
                        on conflict (character_id, grantee_id) do update set via_link = null
                        returning granted_at, (xmax = 0) as inserted
                        """)
                .param("id", characterId)
                .param("grantee", granteeId)
                .param("now", Sql.timestamp(now))
                .query((rs, n) -> new Granted(
                        java.util.Objects.requireNonNull(Sql.instant(rs, "granted_at")), rs.getBoolean("inserted")))
                .single();
    }

    /** A grant redeemed through a share link; an existing grant stays as it is. Answers whether it is new. */
    public boolean grantViaLink(UUID characterId, UUID granteeId, Instant now, byte[] linkHash) {
        return jdbc.sql("""
                        insert into character_grants (character_id, grantee_id, granted_at, via_link)
                        values (:id, :grantee, :now, :link)
                        on conflict (character_id, grantee_id) do nothing
                        """)
                        .param("id", characterId)
                        .param("grantee", granteeId)
                        .param("now", Sql.timestamp(now))
                        .param("link", linkHash)
                        .update()
                == 1;
    }

    public boolean revoke(UUID characterId, UUID granteeId) {
        return jdbc.sql("delete from character_grants where character_id = :id and grantee_id = :grantee")
                        .param("id", characterId)
                        .param("grantee", granteeId)
                        .update()
                == 1;
    }

    public int revokeAll(UUID characterId) {
        return jdbc.sql("delete from character_grants where character_id = :id")
                .param("id", characterId)
                .update();
    }

    /** Takes back the grants that were redeemed through a link (and not given directly since). */
    public int revokeRedeemedVia(UUID characterId, byte[] linkHash) {
        return jdbc.sql("delete from character_grants where character_id = :id and via_link = :link")
                .param("id", characterId)
                .param("link", linkHash)
                .update();
    }

    /** The characters a user was given, in id order. */
    public List<UUID> characterIdsGrantedTo(UUID granteeId) {
        return jdbc.sql("select character_id from character_grants where grantee_id = :grantee order by character_id")
                .param("grantee", granteeId)
                .query(UUID.class)
                .list();
    }
}
