package com.companion.character.catalogue.internal;

import com.companion.character.access.CharacterAccess;
import com.companion.character.core.Sql;
import com.companion.character.core.Viewer;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Favourites ({@code character_favorites}). Marking needs a character the caller can see; a favourite
 * of a character they later lose access to stays but is not listed while it is hidden from them.
 */
@Service
public class Favorites {

    private final JdbcClient jdbc;
    private final CharacterAccess access;
    private final Clock clock;

    Favorites(JdbcClient jdbc, CharacterAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    /** Marking again keeps the first time. @throws com.companion.platform.web.problem.ApiProblem 404 */
    @Transactional
    public void mark(UUID characterId, Viewer viewer) {
        access.requireVisible(characterId, viewer);
        jdbc.sql("""
                        insert into character_favorites (user_id, character_id, favorited_at)
                        values (:user, :character, :now)
                        on conflict (user_id, character_id) do nothing
                        """)
                .param("user", viewer.requireUserId())
                .param("character", characterId)
                .param("now", Sql.timestamp(clock.instant()))
                .update();
    }

    @Transactional
    public void unmark(UUID characterId, Viewer viewer) {
        jdbc.sql("delete from character_favorites where user_id = :user and character_id = :character")
                .param("user", viewer.requireUserId())
                .param("character", characterId)
                .update();
    }
}
