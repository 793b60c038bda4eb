package com.companion.character.core;

import com.companion.contracts.character.Sliders;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code characters} table. Writes here never publish: every change goes on to
 * {@code CharacterEvents}, which bumps the version and records the snapshot in the same
 * transaction. Methods named {@code lock...} take the row lock that serialises changes of one
 * character, so each snapshot reflects every change committed before it.
 */
@Repository
public class CharacterStore {

    /** The columns {@link #ROWS} reads, for queries over the alias {@code c}. */
    public static final String COLUMNS = """
            c.id, c.owner_id, c.name, c.description, c.character_type, c.shyness, c.flirtiness, c.humor,
            c.boldness, c.affection, c.sarcasm, c.positivity, c.visibility, c.tags, c.nsfw_enabled,
            c.avatar_url, c.avatar_media_id, c.version, c.created_at, c.updated_at, c.moderation_status,
            c.moderation_reason, c.screened_at, c.screened_with, c.card, c.export_allowed, c.owner_disabled""";

    public static final RowMapper<CharacterRow> ROWS = (rs, n) -> new CharacterRow(
            rs.getObject("id", UUID.class),
            rs.getObject("owner_id", UUID.class),
            rs.getString("name"),
            rs.getString("description"),
            Sql.characterType(rs.getString("character_type")),
            new Sliders(
                    rs.getInt("shyness"),
                    rs.getInt("flirtiness"),
                    rs.getInt("humor"),
                    rs.getInt("boldness"),
                    rs.getInt("affection"),
                    rs.getInt("sarcasm"),
                    rs.getInt("positivity")),
            Sql.visibility(rs.getString("visibility")),
            Sql.textArray(rs, "tags"),
            rs.getBoolean("nsfw_enabled"),
            rs.getString("avatar_url"),
            rs.getObject("avatar_media_id", UUID.class),
            rs.getLong("version"),
            Objects.requireNonNull(Sql.instant(rs, "created_at")),
            Objects.requireNonNull(Sql.instant(rs, "updated_at")),
            ModerationStatus.fromWire(rs.getString("moderation_status")),
            rs.getString("moderation_reason"),
            Sql.instant(rs, "screened_at"),
            rs.getString("screened_with"),
            CardJson.read(rs.getString("card")),
            rs.getBoolean("export_allowed"),
            rs.getBoolean("owner_disabled"));

    private final JdbcClient jdbc;

    CharacterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CharacterRow> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from characters c where c.id = :id")
                .param("id", id)
                .query(ROWS)
                .optional();
    }

    public Optional<CharacterRow> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from characters c where c.id = :id for update")
                .param("id", id)
                .query(ROWS)
                .optional();
    }

    /** Every character of an owner, locked in id order (one order for all, so no deadlock). */
    public List<CharacterRow> lockAllOwnedBy(UUID ownerId) {
        return jdbc.sql("select " + COLUMNS + " from characters c where c.owner_id = :owner order by c.id for update")
                .param("owner", ownerId)
                .query(ROWS)
                .list();
    }

    /**
     * A new character whose text the caller has just screened and found acceptable. {@code ownerDisabled} is what
     * the users read model says, read under the owner's row lock (a token outlives a ban by up to its lifetime).
     */
    public void insertScreened(
            UUID id,
            UUID ownerId,
            CharacterDraft draft,
            boolean nsfwEnabled,
            boolean ownerDisabled,
            Instant now,
            String screenedWith) {
        jdbc.sql("""
                        insert into characters (id, owner_id, name, description, character_type, shyness, flirtiness,
                            humor, boldness, affection, sarcasm, positivity, visibility, tags, nsfw_enabled, version,
                            created_at, updated_at, moderation_status, screened_at, screened_with, card, export_allowed,
                            owner_disabled)
                        values (:id, :owner, :name, :description, :type, :shyness, :flirtiness, :humor, :boldness,
                            :affection, :sarcasm, :positivity, :visibility, :tags, :nsfw, 1, :now, :now, 'ok', :now,
                            :screenedWith, cast(:card as jsonb), :exportAllowed, :ownerDisabled)
                        """)
                .param("id", id)
                .param("owner", ownerId)
                .params(draftParams(draft))
                .param("nsfw", nsfwEnabled)
                .param("ownerDisabled", ownerDisabled)
                .param("now", Sql.timestamp(now))
                .param("screenedWith", screenedWith)
                .update();
    }

    /**
     * Marks every character of an owner as the owner's account is (disabled or not); answers the ids that changed.
     * Callers hold the rows' locks ({@link #lockAllOwnedBy}) and publish each change.
     */
    public List<UUID> setOwnerDisabled(UUID ownerId, boolean disabled) {
        return jdbc.sql("""
                        update characters set owner_disabled = :disabled
                        where owner_id = :owner and owner_disabled <> :disabled
                        returning id
                        """)
                .param("owner", ownerId)
                .param("disabled", disabled)
                .query(UUID.class)
                .list();
    }

    public void updateDraft(UUID id, CharacterDraft draft) {
        jdbc.sql("""
                        update characters set name = :name, description = :description, character_type = :type,
                            shyness = :shyness, flirtiness = :flirtiness, humor = :humor, boldness = :boldness,
                            affection = :affection, sarcasm = :sarcasm, positivity = :positivity,
                            visibility = :visibility, tags = :tags, card = cast(:card as jsonb),
                            export_allowed = :exportAllowed
                        where id = :id
                        """).param("id", id).params(draftParams(draft)).update();
    }

    public void setNsfwEnabled(UUID id, boolean enabled) {
        jdbc.sql("update characters set nsfw_enabled = :enabled where id = :id")
                .param("id", id)
                .param("enabled", enabled)
                .update();
    }

    /** Records the outcome of a screening (or a takedown): the state, why, and when it was screened. */
    public void setModeration(
            UUID id,
            ModerationStatus status,
            @Nullable String reason,
            @Nullable Instant screenedAt,
            @Nullable String screenedWith) {
        jdbc.sql("""
                        update characters set moderation_status = :status, moderation_reason = :reason,
                            screened_at = :screenedAt, screened_with = :screenedWith
                        where id = :id
                        """)
                .param("id", id)
                .param("status", status.wire())
                .param("reason", reason)
                .param("screenedAt", Sql.timestamp(screenedAt))
                .param("screenedWith", screenedWith)
                .update();
    }

    /**
     * Up to {@code limit} characters never screened, locked; rows another transaction holds are
     * skipped, so several instances can work through them side by side.
     */
    public List<CharacterRow> lockPendingScreening(int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from characters c where c.moderation_status = 'pending'
                        order by c.id limit :limit for update skip locked
                        """)
                .param("limit", limit)
                .query(ROWS)
                .list();
    }

    /**
     * Up to {@code limit} characters whose text was judged (ok or hidden, not taken down) under one of the {@code older}
     * screening versions or before versions were recorded, locked; rows another transaction holds are skipped.
     */
    public List<CharacterRow> lockScreenedBefore(List<String> older, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from characters c
                        where c.moderation_status in ('ok', 'hidden')
                          and (c.screened_with is null or c.screened_with = any(:older))
                        order by c.id limit :limit for update skip locked
                        """)
                .param("older", older.toArray(String[]::new))
                .param("limit", limit)
                .query(ROWS)
                .list();
    }

    /**
     * Records {@code version} as seen (first time only) and answers the versions seen before it, oldest first: the
     * ones whose verdicts an instance running {@code version} may replace.
     */
    public List<String> screeningVersionsBefore(String version) {
        jdbc.sql("insert into character_screening_version (version) values (:v) on conflict do nothing")
                .param("v", version)
                .update();
        return jdbc.sql("""
                        select o.version from character_screening_version o, character_screening_version mine
                        where mine.version = :v and o.first_seen < mine.first_seen
                        order by o.first_seen
                        """).param("v", version).query(String.class).list();
    }

    /** Turns adult mode off on every character of an owner; answers the ids that changed. */
    public List<UUID> switchOffNsfwOwnedBy(UUID ownerId) {
        return jdbc.sql("""
                        update characters set nsfw_enabled = false
                        where owner_id = :owner and nsfw_enabled
                        returning id
                        """).param("owner", ownerId).query(UUID.class).list();
    }

    /** Sets the avatar of a character only if {@code ownerId} owns it; answers whether it changed. */
    public boolean setAvatar(UUID id, UUID ownerId, String url, UUID mediaId) {
        return jdbc.sql("""
                        update characters set avatar_url = :url, avatar_media_id = :media
                        where id = :id and owner_id = :owner
                          and (avatar_url is distinct from :url or avatar_media_id is distinct from :media)
                        """)
                        .param("id", id)
                        .param("owner", ownerId)
                        .param("url", url)
                        .param("media", mediaId)
                        .update()
                == 1;
    }

    /** Clears the avatar if it is still the given media; answers whether it changed. */
    public boolean clearAvatar(UUID id, UUID mediaId) {
        return jdbc.sql("""
                        update characters set avatar_url = null, avatar_media_id = null
                        where id = :id and avatar_media_id = :media
                        """).param("id", id).param("media", mediaId).update() == 1;
    }

    /** Records that a change happened: the next version and the time of the change. */
    public CharacterRow bumpVersion(UUID id, Instant now) {
        return jdbc.sql("""
                        update characters c set version = c.version + 1, updated_at = greatest(c.updated_at, :now)
                        where c.id = :id
                        returning\s""" + COLUMNS)
                .param("id", id)
                .param("now", Sql.timestamp(now))
                .query(ROWS)
                .single();
    }

    public void delete(UUID id) {
        jdbc.sql("delete from characters where id = :id").param("id", id).update();
    }

    private static Map<String, Object> draftParams(CharacterDraft draft) {
        Sliders s = draft.sliders();
        Map<String, Object> params = new HashMap<>();
        params.put("name", draft.name());
        params.put("description", draft.description());
        params.put("type", Sql.wire(draft.characterType()));
        params.put("shyness", s.shyness());
        params.put("flirtiness", s.flirtiness());
        params.put("humor", s.humor());
        params.put("boldness", s.boldness());
        params.put("affection", s.affection());
        params.put("sarcasm", s.sarcasm());
        params.put("positivity", s.positivity());
        params.put("visibility", Sql.wire(draft.visibility()));
        params.put("tags", draft.tags().toArray(String[]::new));
        params.put("card", CardJson.write(draft.card()));
        params.put("exportAllowed", draft.exportAllowed());
        return params;
    }
}
