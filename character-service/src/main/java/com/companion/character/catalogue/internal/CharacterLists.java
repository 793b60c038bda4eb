package com.companion.character.catalogue.internal;

import com.companion.character.access.CharacterAccess;
import com.companion.character.catalogue.CharacterPage;
import com.companion.character.core.CharacterResponse;
import com.companion.character.core.CharacterRow;
import com.companion.character.core.CharacterStore;
import com.companion.character.core.Sql;
import com.companion.character.core.Viewer;
import com.companion.contracts.character.CharacterType;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The list queries. Every list is ordered by (created_at desc, id desc), including searches:
 * created_at never changes and id breaks ties, so a keyset cursor on that pair never repeats or
 * skips a row, however many rows are added meanwhile (new rows sort before the first page).
 * Ordering by relevance would need the rank in the cursor and a rank that cannot change under
 * the reader (it changes when a character is edited); a stable order was chosen over it.
 */
@Repository
public class CharacterLists {

    private final JdbcClient jdbc;

    CharacterLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
            int limit,
            @Nullable Cursor after) {
        StringBuilder sql = new StringBuilder("select " + CharacterStore.COLUMNS
                        + " from characters c where c.visibility = 'public' and c.moderation_status = 'ok' and ")
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
        JdbcClient.StatementSpec statement = page(sql, limit, after);
        if (query != null) {
            statement = statement.param("query", query);
        }
        if (!tags.isEmpty()) {
            statement = statement.param("tags", tags.toArray(String[]::new));
        }
        if (type != null) {
            statement = statement.param("type", Sql.wire(type));
        }
        return run(CharacterAccess.bindViewer(statement, viewer), limit);
    }

    public CharacterPage ownedBy(Viewer viewer, int limit, @Nullable Cursor after) {
        StringBuilder sql = new StringBuilder(
                        "select " + CharacterStore.COLUMNS + " from characters c where c.owner_id = :owner and ")
                .append(CharacterAccess.VISIBLE_TO_VIEWER);
        JdbcClient.StatementSpec statement = page(sql, limit, after).param("owner", viewer.requireUserId());
        return run(CharacterAccess.bindViewer(statement, viewer), limit);
    }

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

    private static CharacterPage run(JdbcClient.StatementSpec statement, int limit) {
        List<CharacterRow> rows = statement.query(CharacterStore.ROWS).list();
        boolean more = rows.size() > limit;
        List<CharacterRow> page = more ? rows.subList(0, limit) : rows;
        String next = more ? Cursor.after(page.getLast()).encode() : null;
        return new CharacterPage(
                page.stream().map(row -> CharacterResponse.of(row, null)).toList(), next);
    }
}
