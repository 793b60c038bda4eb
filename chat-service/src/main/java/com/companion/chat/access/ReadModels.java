package com.companion.chat.access;

import com.companion.contracts.EventJson;
import com.companion.contracts.Plan;
import com.companion.contracts.auth.UserPersona;
import com.companion.contracts.auth.UserStatus;
import com.companion.contracts.character.CharacterType;
import com.companion.contracts.character.CharacterUpserted;
import com.companion.contracts.character.PersonaCard;
import com.companion.contracts.character.Sliders;
import com.companion.contracts.character.Visibility;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users and characters read models, written only by their consumers. */
@Repository
public class ReadModels {

    private final JdbcClient jdbc;

    public ReadModels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserView> user(UUID userId) {
        return jdbc.sql("""
                        select user_id, plan, is_adult, status, deleted, username, persona_name, persona_description,
                            plan_changed_at
                        from user_view where user_id = :id
                        """)
                .param("id", userId)
                .query((rs, n) -> new UserView(
                        rs.getObject("user_id", UUID.class),
                        Plan.fromWire(rs.getString("plan")),
                        rs.getBoolean("is_adult"),
                        !rs.getBoolean("deleted") && UserStatus.ACTIVE.name().equals(rs.getString("status")),
                        rs.getString("username"),
                        rs.getString("persona_name") == null
                                ? null
                                : new UserPersona(rs.getString("persona_name"), rs.getString("persona_description")),
                        Optional.ofNullable(rs.getObject("plan_changed_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)
                                .orElse(null)))
                .optional();
    }

    /** Of these users, the ones that were disabled, banned or deleted. */
    public Set<UUID> gone(Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(
                jdbc.sql("select user_id from user_view where user_id = any(:ids) and (deleted or status <> 'ACTIVE')")
                        .param("ids", userIds.toArray(UUID[]::new))
                        .query(UUID.class)
                        .list());
    }

    /** Of these device sessions, the ones auth-service ended early. */
    public Set<UUID> revoked(Collection<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select session_id from revoked_session where session_id = any(:ids)")
                .param("ids", sessionIds.toArray(UUID[]::new))
                .query(UUID.class)
                .list());
    }

    /** Forgets revocations older than any access token they could concern. */
    public int forgetRevokedBefore(Instant before) {
        return jdbc.sql("delete from revoked_session where revoked_at < :before")
                .param("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
                .update();
    }

    void revokeSession(UUID sessionId, UUID userId, Instant revokedAt) {
        jdbc.sql("""
                        insert into revoked_session (session_id, user_id, revoked_at) values (:session, :user, :at)
                        on conflict (session_id) do nothing
                        """)
                .param("session", sessionId)
                .param("user", userId)
                .param("at", OffsetDateTime.ofInstant(revokedAt, ZoneOffset.UTC))
                .update();
    }

    public Optional<CharacterView> character(UUID characterId) {
        return jdbc.sql("select * from character_view where character_id = :id and not deleted")
                .param("id", characterId)
                .query((rs, n) -> character(rs))
                .optional();
    }

    void upsertUser(UUID userId, String username, Plan plan, boolean adult, UserStatus status) {
        jdbc.sql("""
                        insert into user_view (user_id, username, plan, is_adult, status, deleted, updated_at)
                        values (:id, :username, :plan, :adult, :status, false, now())
                        on conflict (user_id) do update set username = excluded.username, plan = excluded.plan,
                            is_adult = excluded.is_adult, status = excluded.status, updated_at = now(),
                            plan_changed_at = case when user_view.plan is distinct from excluded.plan then now()
                                else user_view.plan_changed_at end
                        """)
                .param("id", userId)
                .param("username", username)
                .param("plan", plan.wire())
                .param("adult", adult)
                .param("status", status.name())
                .update();
    }

    /** The user's persona as their latest update carries it (null clears it). */
    void setPersona(UUID userId, @Nullable UserPersona persona) {
        jdbc.sql("update user_view set persona_name = :name, persona_description = :description where user_id = :id")
                .param("id", userId)
                .param("name", persona == null ? null : persona.name())
                .param("description", persona == null ? null : persona.description())
                .update();
    }

    void deleteUser(UUID userId) {
        jdbc.sql("""
                        insert into user_view (user_id, plan, is_adult, status, deleted)
                        values (:id, 'free', false, 'DISABLED', true)
                        on conflict (user_id) do update set deleted = true, username = null, persona_name = null,
                            persona_description = null, updated_at = now()
                        """).param("id", userId).update();
    }

    /** Applies a snapshot unless a newer one is already held (snapshots may arrive out of order). */
    void upsertCharacter(CharacterUpserted c) {
        jdbc.sql("""
                        insert into character_view (character_id, owner_id, version, name, description, character_type,
                            sliders, nsfw_enabled, visibility, grantee_ids, usable, card, deleted)
                        values (:id, :owner, :version, :name, :description, :type, :sliders, :nsfw, :visibility,
                            :grantees, :usable, cast(:card as jsonb), false)
                        on conflict (character_id) do update set owner_id = excluded.owner_id,
                            version = excluded.version, name = excluded.name, description = excluded.description,
                            character_type = excluded.character_type, sliders = excluded.sliders,
                            nsfw_enabled = excluded.nsfw_enabled, visibility = excluded.visibility,
                            grantee_ids = excluded.grantee_ids, usable = excluded.usable, card = excluded.card,
                            deleted = false
                        where character_view.version < excluded.version
                        """)
                .param("id", c.characterId())
                .param("owner", c.ownerId())
                .param("version", c.version())
                .param("name", c.name())
                .param("description", c.description())
                .param("type", c.characterType().name())
                .param("sliders", EventJson.mapper().writeValueAsString(c.sliders()))
                .param("nsfw", c.nsfwEnabled())
                .param("visibility", c.visibility().name())
                .param("grantees", c.granteeIds().toArray(UUID[]::new))
                .param("usable", c.usable())
                .param("card", c.card() == null ? null : EventJson.mapper().writeValueAsString(c.card()))
                .update();
    }

    void deleteCharacter(UUID characterId, long version) {
        jdbc.sql("""
                        update character_view set deleted = true, version = greatest(version, :version)
                        where character_id = :id
                        """).param("id", characterId).param("version", version).update();
    }

    private static CharacterView character(ResultSet rs) throws SQLException {
        Array grantees = rs.getArray("grantee_ids");
        String card = rs.getString("card");
        return new CharacterView(
                rs.getObject("character_id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                rs.getString("name"),
                rs.getString("description"),
                CharacterType.valueOf(rs.getString("character_type")),
                EventJson.mapper().readValue(rs.getString("sliders"), Sliders.class),
                rs.getBoolean("nsfw_enabled"),
                Visibility.valueOf(rs.getString("visibility")),
                Set.of((UUID[]) grantees.getArray()),
                rs.getBoolean("usable"),
                card == null ? null : EventJson.mapper().readValue(card, PersonaCard.class));
    }
}
