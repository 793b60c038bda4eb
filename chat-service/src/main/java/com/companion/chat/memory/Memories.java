package com.companion.chat.memory;

import com.companion.chat.access.AccountDeleted;
import com.companion.chat.access.CharacterRemoved;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Pinned memories per user x character, across sessions. Erased with the account and with the character
 * (inside the transaction that applies the event), or one by one.
 */
@Repository
public class Memories {

    private final JdbcClient jdbc;

    Memories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's memories for the character, oldest first. */
    public List<PinnedMemory> of(UUID userId, UUID characterId) {
        return jdbc.sql("""
                        select id, character_id, content, created_at from chat_memory
                        where user_id = :user and character_id = :character order by created_at, id
                        """)
                .param("user", userId)
                .param("character", characterId)
                .query((rs, n) -> new PinnedMemory(
                        rs.getObject("id", UUID.class),
                        rs.getObject("character_id", UUID.class),
                        rs.getString("content"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** What a prompt carries: the contents, oldest first. */
    public List<String> contents(UUID userId, UUID characterId) {
        return jdbc.sql("""
                        select content from chat_memory
                        where user_id = :user and character_id = :character order by created_at, id
                        """)
                .param("user", userId)
                .param("character", characterId)
                .query(String.class)
                .list();
    }

    /**
     * Pins a memory unless the user already holds {@code max} for the character (counted in the same statement;
     * two pins at the same instant may both pass, the bound is a prompt budget, not a security limit).
     */
    boolean add(PinnedMemory memory, UUID userId, int max) {
        return jdbc.sql("""
                        insert into chat_memory (id, user_id, character_id, content, created_at)
                        select :id, :user, :character, :content, :at
                        where (select count(*) from chat_memory where user_id = :user and character_id = :character) < :max
                        """)
                        .param("id", memory.id())
                        .param("user", userId)
                        .param("character", memory.characterId())
                        .param("content", memory.content())
                        .param("at", OffsetDateTime.ofInstant(memory.createdAt(), ZoneOffset.UTC))
                        .param("max", max)
                        .update()
                == 1;
    }

    boolean delete(UUID userId, UUID memoryId) {
        return jdbc.sql("delete from chat_memory where id = :id and user_id = :user")
                        .param("id", memoryId)
                        .param("user", userId)
                        .update()
                == 1;
    }

    @EventListener
    void erase(AccountDeleted deleted) {
        jdbc.sql("delete from chat_memory where user_id = :user")
                .param("user", deleted.userId())
                .update();
    }

    @EventListener
    void erase(CharacterRemoved removed) {
        jdbc.sql("delete from chat_memory where character_id = :character")
                .param("character", removed.characterId())
                .update();
    }
}
