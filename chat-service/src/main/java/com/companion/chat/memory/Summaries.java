package com.companion.chat.memory;

import com.companion.chat.ChatProperties;
import com.companion.chat.access.CharacterRemoved;
import com.companion.chat.access.CharacterView;
import com.companion.chat.access.ReadModels;
import com.companion.chat.access.UserView;
import com.companion.chat.session.MessageRepository;
import com.companion.chat.session.StoredMessage;
import com.companion.contracts.chat.ChatRole;
import com.companion.contracts.chat.HistoryMessage;
import com.companion.contracts.chat.SessionSummarized;
import com.companion.contracts.chat.SummaryRequested;
import com.companion.platform.messaging.outbox.Outbox;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A session's running summary. Once {@code CHAT_SUMMARY_EVERY} messages of the active path have left the prompt's
 * recent window since the last summary, the transaction that stores a reply asks the workers (a low-priority queue of
 * its own) to extend the summary with them; the answer is kept on the session and goes into every later prompt of
 * it while the last summarised message stays on the active path (an edit or a swipe above it leaves the summary out
 * until the next one).
 */
@Component
public class Summaries {

    /** A request in flight is asked again after this long (a lost request, a worker that refused the summary). */
    static final String RETRY_AFTER = "5 minutes";

    private final JdbcClient jdbc;
    private final MessageRepository messages;
    private final ReadModels readModels;
    private final Outbox outbox;
    private final ChatProperties chat;
    private final MemoryProperties properties;

    Summaries(
            JdbcClient jdbc,
            MessageRepository messages,
            ReadModels readModels,
            Outbox outbox,
            ChatProperties chat,
            MemoryProperties properties) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.readModels = readModels;
        this.outbox = outbox;
        this.chat = chat;
        this.properties = properties;
    }

    private record State(
            UUID userId,
            UUID characterId,
            @Nullable UUID leaf,
            int leafDepth,
            @Nullable String summary,
            int throughDepth,
            @Nullable Instant requestedAt) {}

    /** Called in the transaction that stored a reply of the session. */
    public void afterReply(UUID sessionId) {
        if (properties.summaryEvery() == 0) {
            return;
        }
        Optional<State> found = state(sessionId);
        if (found.isEmpty() || found.get().leaf() == null) {
            return;
        }
        State state = found.get();
        int outside = state.leafDepth() - chat.historyWindow();
        if (outside - state.throughDepth() < properties.summaryEvery()) {
            return;
        }
        int from = Math.max(state.throughDepth(), outside - properties.summaryMaxMessages());
        List<StoredMessage> added = messages.pathSlice(sessionId, state.leaf(), chat.historyWindow(), outside - from);
        Optional<CharacterView> character = readModels.character(state.characterId());
        Optional<UserView> user = readModels.user(state.userId());
        if (added.isEmpty() || character.isEmpty() || user.isEmpty() || !claim(sessionId)) {
            return;
        }
        outbox.publish(new SummaryRequested(
                UUID.randomUUID(),
                sessionId,
                state.userId(),
                user.get().adult(),
                character.get().persona(),
                state.summary(),
                added.stream()
                        .map(m -> new HistoryMessage(m.fromUser() ? ChatRole.USER : ChatRole.ASSISTANT, m.content()))
                        .toList(),
                added.getLast().id(),
                Instant.now()));
    }

    /** The worker's summary, unless one through a later message is already kept. */
    public void summarized(SessionSummarized summarized) {
        jdbc.sql("""
                        update chat_session s set summary = :summary, summary_through_id = m.id,
                            summary_through_depth = m.depth, summary_requested_at = null
                        from chat_message m
                        where s.id = :session and m.id = :through and m.session_id = s.id
                          and m.depth > s.summary_through_depth
                        """)
                .param("summary", summarized.summary())
                .param("session", summarized.sessionId())
                .param("through", summarized.throughMessageId())
                .update();
    }

    /**
     * The session's summary for a prompt that ends at {@code anchor}, if the last summarised message is on that path
     * (a walk of the few steps between them); else null.
     */
    public @Nullable String forPrompt(UUID sessionId, @Nullable UUID anchor) {
        if (anchor == null || properties.summaryEvery() == 0) {
            return null;
        }
        Optional<Kept> kept = jdbc.sql("""
                        select summary, summary_through_id, summary_through_depth from chat_session
                        where id = :id and summary is not null
                        """)
                .param("id", sessionId)
                .query((rs, n) -> new Kept(rs.getString(1), rs.getObject(2, UUID.class), rs.getInt(3)))
                .optional();
        if (kept.isEmpty()
                || !messages.onPathAt(
                        sessionId, anchor, kept.get().throughId(), kept.get().throughDepth())) {
            return null;
        }
        return kept.get().summary();
    }

    private record Kept(String summary, UUID throughId, int throughDepth) {}

    /** Memory goes with the character: the summaries of the sessions with it (their messages stay, as history). */
    @EventListener
    void erase(CharacterRemoved removed) {
        jdbc.sql("""
                        update chat_session set summary = null, summary_through_id = null, summary_through_depth = 0,
                            summary_requested_at = null
                        where character_id = :character and summary is not null
                        """).param("character", removed.characterId()).update();
    }

    private Optional<State> state(UUID sessionId) {
        return jdbc.sql("""
                        select s.user_id, s.character_id, s.active_leaf_id, coalesce(leaf.depth, 0) as leaf_depth,
                               s.summary, s.summary_through_depth, s.summary_requested_at
                        from chat_session s left join chat_message leaf on leaf.id = s.active_leaf_id
                        where s.id = :id
                        """)
                .param("id", sessionId)
                .query((rs, n) -> {
                    OffsetDateTime requested = rs.getObject("summary_requested_at", OffsetDateTime.class);
                    return new State(
                            rs.getObject("user_id", UUID.class),
                            rs.getObject("character_id", UUID.class),
                            rs.getObject("active_leaf_id", UUID.class),
                            rs.getInt("leaf_depth"),
                            rs.getString("summary"),
                            rs.getInt("summary_through_depth"),
                            requested == null ? null : requested.toInstant());
                })
                .optional();
    }

    /** Marks a request in flight unless one already is (and is not overdue). */
    private boolean claim(UUID sessionId) {
        return jdbc.sql("""
                                update chat_session set summary_requested_at = now()
                                where id = :id and (summary_requested_at is null
                                    or summary_requested_at < now() - cast(:retry as interval))
                                """).param("id", sessionId).param("retry", RETRY_AFTER).update() == 1;
    }
}
