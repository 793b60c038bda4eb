package com.companion.chat.title;

import com.companion.chat.ChatProperties;
import com.companion.chat.access.CharacterView;
import com.companion.chat.access.ReadModels;
import com.companion.chat.access.UserView;
import com.companion.chat.session.MessageRepository;
import com.companion.chat.session.SessionRepository;
import com.companion.contracts.chat.HistoryMessage;
import com.companion.contracts.chat.SessionTitled;
import com.companion.contracts.chat.TitleRequested;
import com.companion.platform.messaging.outbox.Outbox;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Automatic session titles. After a session's {@code titleAfterReplies}th generated reply, unless the
 * user named it, a {@link TitleRequested} goes on the workers' title queue (through the outbox, in the
 * reply's transaction), once per session; the worker's {@link SessionTitled} names the session unless
 * the user has named it meanwhile. Titles never touch the reply path: the request is its own event on
 * its own queue, and a lost one only leaves the session with its character's name.
 */
@Component
public class Titles {

    /** The first messages of a conversation are what a title is made from. */
    static final int MESSAGES_FOR_A_TITLE = 8;

    private final JdbcClient jdbc;
    private final SessionRepository sessions;
    private final MessageRepository messages;
    private final ReadModels readModels;
    private final Outbox outbox;
    private final ChatProperties properties;

    Titles(
            JdbcClient jdbc,
            SessionRepository sessions,
            MessageRepository messages,
            ReadModels readModels,
            Outbox outbox,
            ChatProperties properties) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.messages = messages;
        this.readModels = readModels;
        this.outbox = outbox;
        this.properties = properties;
    }

    /** Called in the transaction that stored a reply of the session. */
    public void afterReply(UUID sessionId) {
        if (properties.titleAfterReplies() == 0 || !unnamedAndUnasked(sessionId)) {
            return;
        }
        if (messages.generatedReplies(sessionId) < properties.titleAfterReplies()
                || !sessions.claimTitleRequest(sessionId)) {
            return;
        }
        Optional<Owner> owner = owner(sessionId);
        if (owner.isEmpty()) {
            return;
        }
        Optional<CharacterView> character = readModels.character(owner.get().characterId());
        Optional<UserView> user = readModels.user(owner.get().userId());
        if (character.isEmpty() || user.isEmpty()) {
            return;
        }
        UUID leaf = sessions.activeLeaf(sessionId).orElse(null);
        List<HistoryMessage> path =
                messages.window(sessionId, leaf, 4 * MESSAGES_FOR_A_TITLE, properties.historyTokenBudget());
        outbox.publish(new TitleRequested(
                UUID.randomUUID(),
                sessionId,
                owner.get().userId(),
                user.get().adult(),
                character.get().persona(),
                path.subList(0, Math.min(path.size(), MESSAGES_FOR_A_TITLE)),
                Instant.now()));
    }

    /** The worker's title, unless the user has named the session meanwhile. */
    public void titled(SessionTitled titled) {
        sessions.applyGeneratedTitle(titled.sessionId(), titled.title());
    }

    private record Owner(UUID userId, UUID characterId) {}

    private boolean unnamedAndUnasked(UUID sessionId) {
        return jdbc.sql("""
                        select title_source is null and title_requested_at is null from chat_session where id = :id
                        """)
                .param("id", sessionId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    private Optional<Owner> owner(UUID sessionId) {
        return jdbc.sql("select user_id, character_id from chat_session where id = :id")
                .param("id", sessionId)
                .query((rs, n) ->
                        new Owner(rs.getObject("user_id", UUID.class), rs.getObject("character_id", UUID.class)))
                .optional();
    }
}
