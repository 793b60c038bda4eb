package com.companion.character.catalogue.internal;

import com.companion.character.access.CharacterAccess;
import com.companion.character.catalogue.CatalogueSort;
import com.companion.character.catalogue.CharacterPage;
import com.companion.character.core.CharacterResponse;
import com.companion.character.core.CharacterRow;
import com.companion.character.core.CharacterStore;
import com.companion.character.core.Sql;
import com.companion.character.core.Viewer;
import com.companion.contracts.character.CharacterType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The list queries. Every list but the catalogue's popular and trending sorts is ordered by
 * (created_at desc, id desc) or by when it was favourited or shared, then id, including searches:
 * created_at never changes and id breaks ties, so a keyset cursor on that pair never repeats or
 * skips a row, however many rows are added meanwhile (new rows sort before the first page).
 * Ordering by relevance would need the rank in the cursor and a rank that cannot change under
 * the reader (it changes when a character is edited); a stable order was chosen over it. Popular and
 * trending are ranks that move as people chat, so their cursor is an offset (see {@link RankCursor}):
 * a character whose rank changes between two pages may be shown twice or skipped.
 */
@Repository
public class CharacterLists {

    /** Favourites, chats in the last 7 days, and chats of the last 2 days and of the 5 before, for trending. */
    private static final String COUNTS = """
            (select count(*) from character_favorites f where f.character_id = c.id) as favorite_count,
            (select count(distinct d.session_id) from character_chat_days d
                where d.character_id = c.id and d.day >= :weekStart) as chat_count,
            (select count(distinct d.session_id) from character_chat_days d
                where d.character_id = c.id and d.day >= :recentStart) as recent_chats,
            (select count(distinct d.session_id) from character_chat_days d
                where d.character_id = c.id and d.day >= :weekStart and d.day < :recentStart) as prior_chats""";

    private final JdbcClient jdbc;
    private final Clock clock;

    CharacterLists(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Only characters open to others are listed, the owner's own included: the catalogue shows what
     * everyone sees.
     *
     * @param query matched with {@code websearch_to_tsquery('simple', ...)} against name (weight A),
     *     tags (B) and description (C)
     * @param tags a character must carry all of them
     */
    public CharacterPage catalogue(
            Viewer viewer,
            @Nullable String query,
            List<String> tags,
            @Nullable CharacterType type,
            CatalogueSort sort,
            int limit,
            @Nullable String cursor) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        StringBuilder sql = new StringBuilder("select " + CharacterStore.COLUMNS + ", " + COUNTS
                        + " from characters c where c.visibility = 'public' and c.moderation_status = 'ok'"
                        + " and not c.owner_disabled and ")
                .append(CharacterAccess.VISIBLE_TO_VIEWER);
        if (query != null) {
            sql.append(" and c.search_vector @@ websearch_to_tsquery('simple', :query)");
        }
        if (!tags.isEmpty()) {
            sql.append(" and c.tags @> cast(:tags as text[])");
        }
        if (type != null) {
            sql.append(" and c.character_type = :type");
        }
        JdbcClient.StatementSpec statement;
        int offset = 0;
        if (sort == CatalogueSort.NEW) {
            statement = page(sql, limit, cursor == null ? null : Cursor.decode(cursor));
        } else {
            offset = cursor == null ? 0 : RankCursor.decode(cursor);
            String score = sort == CatalogueSort.POPULAR ? "chat_count" : "recent_chats * 5 - prior_chats * 2";
            statement = jdbc.sql("select * from (" + sql + ") ranked order by " + score
                            + " desc, chat_count desc, created_at desc, id desc offset :offset limit :limit")
                    .param("offset", offset)
                    .param("limit", limit + 1);
        }
        statement = statement.param("weekStart", today.minusDays(6)).param("recentStart", today.minusDays(1));
        if (query != null) {
            statement = statement.param("query", query);
        }
        if (!tags.isEmpty()) {
            statement = statement.param("tags", tags.toArray(String[]::new));
        }
        if (type != null) {
            statement = statement.param("type", Sql.wire(type));
        }
        List<CharacterResponse> rows = CharacterAccess.bindViewer(statement, viewer)
                .query((rs, n) -> CharacterResponse.listed(
                        CharacterStore.ROWS.mapRow(rs, n),
                        viewer,
                        rs.getLong("chat_count"),
                        rs.getLong("favorite_count")))
                .list();
        boolean more = rows.size() > limit;
        List<CharacterResponse> page = more ? rows.subList(0, limit) : rows;
        String next = null;
        if (more) {
            CharacterResponse last = page.getLast();
            next = sort == CatalogueSort.NEW
                    ? new Cursor(last.createdAt(), last.id()).encode()
                    : RankCursor.encode(offset + limit);
        }
        return new CharacterPage(page, next);
    }

    public CharacterPage ownedBy(Viewer viewer, int limit, @Nullable Cursor after) {
        StringBuilder sql = new StringBuilder(
                        "select " + CharacterStore.COLUMNS + " from characters c where c.owner_id = :owner and ")
                .append(CharacterAccess.VISIBLE_TO_VIEWER);
        JdbcClient.StatementSpec statement = page(sql, limit, after).param("owner", viewer.requireUserId());
        return run(CharacterAccess.bindViewer(statement, viewer), viewer, limit);
    }

    /**
     * The characters the viewer marked as favourites and can still see, the latest marked first; the
     * cursor holds the time it was marked.
     */
    public CharacterPage favoritesOf(Viewer viewer, int limit, @Nullable Cursor after) {
        return listedBy(
                "select " + CharacterStore.COLUMNS + ", f.favorited_at as listed_at from character_favorites f"
                        + " join characters c on c.id = f.character_id where f.user_id = cast(:viewerId as uuid)",
                "f.favorited_at",
                viewer,
                limit,
                after);
    }

    /** The characters shared with the viewer (grants, never their own), the latest shared first. */
    public CharacterPage sharedWith(Viewer viewer, int limit, @Nullable Cursor after) {
        return listedBy(
                "select " + CharacterStore.COLUMNS + ", g.granted_at as listed_at from character_grants g"
                        + " join characters c on c.id = g.character_id"
                        + " where g.grantee_id = cast(:viewerId as uuid) and c.owner_id <> cast(:viewerId as uuid)",
                "g.granted_at",
                viewer,
                limit,
                after);
    }

    /** A list sorted by the time a row of another table was written ({@code listed_at}), then by id. */
    private CharacterPage listedBy(String select, String listedAt, Viewer viewer, int limit, @Nullable Cursor after) {
        StringBuilder sql = new StringBuilder(select).append(" and ").append(CharacterAccess.VISIBLE_TO_VIEWER);
        if (after != null) {
            sql.append(" and (" + listedAt + ", c.id) < (cast(:afterAt as timestamptz), cast(:afterId as uuid))");
        }
        sql.append(" order by " + listedAt + " desc, c.id desc limit :limit");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("limit", limit + 1);
        if (after != null) {
            statement =
                    statement.param("afterAt", Sql.timestamp(after.createdAt())).param("afterId", after.id());
        }
        List<Listed> rows = CharacterAccess.bindViewer(statement, viewer)
                .query((rs, n) -> new Listed(CharacterStore.ROWS.mapRow(rs, n), Sql.instant(rs, "listed_at")))
                .list();
        boolean more = rows.size() > limit;
        List<Listed> page = more ? rows.subList(0, limit) : rows;
        String next = more
                ? new Cursor(
                                java.util.Objects.requireNonNull(page.getLast().at()),
                                page.getLast().row().id())
                        .encode()
                : null;
        return new CharacterPage(
                page.stream().map(l -> CharacterResponse.of(l.row(), viewer)).toList(), next);
    }

    private record Listed(CharacterRow row, java.time.@Nullable Instant at) {}

    private JdbcClient.StatementSpec page(StringBuilder sql, int limit, @Nullable Cursor after) {
        if (after != null) {
            sql.append(" and (c.created_at, c.id) < (cast(:afterCreatedAt as timestamptz), cast(:afterId as uuid))");
        }
        sql.append(" order by c.created_at desc, c.id desc limit :limit");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("limit", limit + 1);
        if (after != null) {
            statement = statement
                    .param("afterCreatedAt", Sql.timestamp(after.createdAt()))
                    .param("afterId", after.id());
        }
        return statement;
    }

    private static CharacterPage run(JdbcClient.StatementSpec statement, Viewer viewer, int limit) {
        List<CharacterRow> rows = statement.query(CharacterStore.ROWS).list();
        boolean more = rows.size() > limit;
        List<CharacterRow> page = more ? rows.subList(0, limit) : rows;
        String next = more ? Cursor.after(page.getLast()).encode() : null;
        return new CharacterPage(
                page.stream().map(row -> CharacterResponse.of(row, viewer)).toList(), next);
    }
}
