package com.companion.character.catalogue.internal;

import com.companion.character.users.UserRemoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A deleted account's favourites are erased, in the transaction that applied the deletion. */
@Component
class DeletedUserFavorites {

    private final JdbcClient jdbc;

    DeletedUserFavorites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(UserRemoved removed) {
        jdbc.sql("delete from character_favorites where user_id = :user")
                .param("user", removed.userId())
                .update();
    }
}
