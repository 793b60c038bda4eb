package com.companion.media.characters;

import com.companion.contracts.character.CharacterUpserted;
import com.companion.contracts.character.Visibility;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The characters read model, written only by {@link CharacterEventsConsumer}. */
@Repository
public class CharacterDirectory {

    private final JdbcClient jdbc;

    CharacterDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CharacterRef> find(UUID characterId) {
        return jdbc.sql("select * from character_ref where character_id = :id")
                .param("id", characterId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** Applies a snapshot unless a newer one (or the deletion) is already held. */
    void upsert(CharacterUpserted c) {
        jdbc.sql("""
                        insert into character_ref (character_id, owner_id, version, visibility, nsfw_enabled, grantee_ids)
                        values (:id, :owner, :version, :visibility, :nsfw, :grantees)
                        on conflict (character_id) do update set owner_id = excluded.owner_id,
                            version = excluded.version, visibility = excluded.visibility,
                            nsfw_enabled = excluded.nsfw_enabled, grantee_ids = excluded.grantee_ids
                        where character_ref.version < excluded.version and not character_ref.deleted
                        """)
                .param("id", c.characterId())
                .param("owner", c.ownerId())
                .param("version", c.version())
                .param("visibility", c.visibility().name())
                .param("nsfw", c.nsfwEnabled())
                .param("grantees", c.granteeIds().toArray(UUID[]::new))
                .update();
    }

    /** Marks the character deleted for good; a late snapshot cannot bring it back. */
    void markDeleted(UUID characterId, UUID ownerId, long version) {
        jdbc.sql("""
                        insert into character_ref (character_id, owner_id, version, visibility, nsfw_enabled, grantee_ids,
                            deleted)
                        values (:id, :owner, :version, 'PRIVATE', false, '{}', true)
                        on conflict (character_id) do update set deleted = true,
                            version = greatest(character_ref.version, excluded.version)
                        """)
                .param("id", characterId)
                .param("owner", ownerId)
                .param("version", version)
                .update();
    }

    private static CharacterRef map(ResultSet rs) throws SQLException {
        return new CharacterRef(
                rs.getObject("character_id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                Visibility.valueOf(rs.getString("visibility")),
                rs.getBoolean("nsfw_enabled"),
                Set.of((UUID[]) rs.getArray("grantee_ids").getArray()),
                rs.getBoolean("deleted"));
    }
}
