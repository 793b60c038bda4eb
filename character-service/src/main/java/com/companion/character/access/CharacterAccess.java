package com.companion.character.access;

import com.companion.character.core.CharacterRow;
import com.companion.character.core.CharacterStore;
import com.companion.character.core.Viewer;
import com.companion.platform.web.problem.ApiProblem;
import java.sql.Types;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The access rule, the only place it is written down. A viewer may see a character if and only if
 *
 * <ol>
 *   <li>they own it, or it is open to others (moderation state {@code ok}, see
 *       {@link com.companion.character.core.ModerationStatus}, and its owner not banned) and either
 *       public or explicitly granted to them; and
 *   <li>it is not in adult mode, or the viewer is an adult (token and read model, see
 *       {@link Viewers}). This holds for owners too, and anonymous viewers are never adults.
 * </ol>
 *
 * A character that is pending screening, hidden or taken down, or whose owner is banned, is therefore
 * seen by its owner alone,
 * on every path at once, without touching its visibility or grants (a restore brings them back).
 *
 * Everything a viewer may not see answers 404, never 403, so its existence is not leaked; changes
 * need ownership on top of visibility. Every read path uses {@link #VISIBLE_TO_VIEWER} (by id, the
 * catalogue, the caller's list) or {@link #reachableWithoutGrant} (a share link, which stands in for
 * the grant it is about to create).
 */
@Component
public class CharacterAccess {

    /** The rule over the alias {@code c}; bind its parameters with {@link #bindViewer}. */
    public static final String VISIBLE_TO_VIEWER = """
            (c.owner_id = cast(:viewerId as uuid)
                or (c.moderation_status = 'ok' and not c.owner_disabled
                    and (c.visibility = 'public'
                         or exists (select 1 from character_grants g
                                    where g.character_id = c.id and g.grantee_id = cast(:viewerId as uuid)))))
            and (not c.nsfw_enabled or :viewerAdult)""";

    private static final String FIND_VISIBLE =
            "select " + CharacterStore.COLUMNS + " from characters c where c.id = :id and " + VISIBLE_TO_VIEWER;

    private final JdbcClient jdbc;

    CharacterAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static JdbcClient.StatementSpec bindViewer(JdbcClient.StatementSpec statement, Viewer viewer) {
        return statement.param("viewerId", viewer.userId(), Types.OTHER).param("viewerAdult", viewer.adult());
    }

    /**
     * The rule for paths that reach a character without a grant yet (share links): open to others,
     * and the second half of the rule.
     */
    public static boolean reachableWithoutGrant(CharacterRow character, Viewer viewer) {
        return character.openToOthers() && (!character.nsfwEnabled() || viewer.adult());
    }

    public Optional<CharacterRow> findVisible(UUID id, Viewer viewer) {
        return bindViewer(jdbc.sql(FIND_VISIBLE).param("id", id), viewer)
                .query(CharacterStore.ROWS)
                .optional();
    }

    /** @throws ApiProblem 404 unless the viewer may see the character */
    public CharacterRow requireVisible(UUID id, Viewer viewer) {
        return findVisible(id, viewer).orElseThrow(CharacterAccess::notFound);
    }

    /** @throws ApiProblem 404 unless the viewer may see the character and owns it */
    public CharacterRow requireOwned(UUID id, Viewer viewer) {
        return findVisible(id, viewer).filter(viewer::owns).orElseThrow(CharacterAccess::notFound);
    }

    /**
     * As {@link #requireOwned}, holding the character's row lock until the transaction ends: the
     * start of every change.
     */
    public CharacterRow lockOwned(UUID id, Viewer viewer) {
        return bindViewer(jdbc.sql(FIND_VISIBLE + " for update of c").param("id", id), viewer)
                .query(CharacterStore.ROWS)
                .optional()
                .filter(viewer::owns)
                .orElseThrow(CharacterAccess::notFound);
    }

    public static ApiProblem notFound() {
        return ApiProblem.notFound("character");
    }
}
