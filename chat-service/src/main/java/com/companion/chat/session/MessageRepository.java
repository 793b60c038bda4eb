package com.companion.chat.session;

import com.companion.contracts.chat.ChatRole;
import com.companion.contracts.chat.HistoryMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one home of {@code chat_message}: a tree per session. A message's parent is the message it
 * follows; alternatives are siblings of the same role under one parent (swipes of a reply, edits of a user
 * message), numbered by insertion order (deleted ones excluded). A message of the other role under the same parent
 * (a user message sent after the reply it follows was deleted, or after a session's greeting was) is never one of
 * them. Siblings and children are found through one expression index on {@code coalesce(parent_id, session_id)},
 * so a root's sibling group is its session. Paths are walked
 * upwards from a message with a recursive query that stops after the rows asked for.
 */
@Repository
public class MessageRepository {

    private static final String PATH = """
            with recursive path(id, parent_id, n) as (
                select id, parent_id, 1 from chat_message where id = :start and session_id = :session
              union all
                select m.id, m.parent_id, path.n + 1 from chat_message m join path on m.id = path.parent_id
            )
            """;

    private static final String VIEW_COLUMNS = """
            m.id, m.role, m.content, m.request_id, m.created_at, m.parent_id,
            (select count(*) from chat_message s
              where coalesce(s.parent_id, s.session_id) = coalesce(m.parent_id, m.session_id)
                and s.role = m.role and s.deleted_at is null and s.seq < m.seq) as alternative_index,
            (select count(*) from chat_message s
              where coalesce(s.parent_id, s.session_id) = coalesce(m.parent_id, m.session_id)
                and s.role = m.role and s.deleted_at is null) as alternative_count
            """;

    private final JdbcClient jdbc;

    public MessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a message under {@code parentId} (null: a first message). Idempotent by id: a message
     * already stored is left as it is.
     */
    public void insert(UUID id, UUID sessionId, UUID parentId, String role, String content, UUID requestId) {
        jdbc.sql("""
                        insert into chat_message (id, session_id, parent_id, depth, role, content, request_id)
                        values (:id, :session, :parent,
                                coalesce((select depth + 1 from chat_message where id = :parent), 1),
                                :role, :content, :request)
                        on conflict do nothing
                        """)
                .param("id", id)
                .param("session", sessionId)
                .param("parent", parentId)
                .param("role", role)
                .param("content", content)
                .param("request", requestId)
                .update();
    }

    /** A message of the session that has not been deleted. */
    public Optional<StoredMessage> find(UUID sessionId, UUID messageId) {
        return jdbc.sql("""
                        select id, session_id, parent_id, role, content, request_id from chat_message
                        where id = :id and session_id = :session and deleted_at is null
                        """)
                .param("id", messageId)
                .param("session", sessionId)
                .query((rs, n) -> new StoredMessage(
                        rs.getObject("id", UUID.class),
                        rs.getObject("session_id", UUID.class),
                        rs.getObject("parent_id", UUID.class),
                        rs.getString("role"),
                        rs.getString("content"),
                        rs.getObject("request_id", UUID.class)))
                .optional();
    }

    public Optional<ChatMessage> view(UUID sessionId, UUID messageId) {
        return jdbc.sql("select " + VIEW_COLUMNS + " from chat_message m where m.id = :id and m.session_id = :session")
                .param("id", messageId)
                .param("session", sessionId)
                .query((rs, n) -> message(rs))
                .optional();
    }

    /** The path from {@code start} up towards the root, newest first, at most {@code limit} messages. */
    public List<ChatMessage> pathUpFrom(UUID sessionId, UUID start, int limit) {
        if (start == null) {
            return List.of();
        }
        return jdbc.sql(PATH + "select " + VIEW_COLUMNS + """
                         from (select id, n from path limit :limit) p join chat_message m on m.id = p.id
                        order by p.n
                        """)
                .param("session", sessionId)
                .param("start", start)
                .param("limit", limit)
                .query((rs, n) -> message(rs))
                .list();
    }

    /**
     * The prompt's history ending at {@code last} (included): at most {@code limit} messages of its
     * path, oldest first, trimmed from the oldest end to about {@code tokenBudget} tokens (four
     * characters a token).
     */
    public List<HistoryMessage> window(UUID sessionId, UUID last, int limit, int tokenBudget) {
        if (last == null) {
            return List.of();
        }
        List<HistoryMessage> newestFirst = jdbc.sql(PATH + """
                        select m.role, m.content from (select id, n from path limit :limit) p
                        join chat_message m on m.id = p.id order by p.n
                        """)
                .param("session", sessionId)
                .param("start", last)
                .param("limit", limit)
                .query((rs, n) -> new HistoryMessage(
                        "user".equals(rs.getString("role")) ? ChatRole.USER : ChatRole.ASSISTANT,
                        rs.getString("content")))
                .list();
        List<HistoryMessage> kept = new ArrayList<>();
        int tokens = 0;
        for (HistoryMessage message : newestFirst) {
            tokens += message.content().length() / 4 + 4;
            if (tokens > tokenBudget) {
                break;
            }
            kept.add(message);
        }
        Collections.reverse(kept);
        return kept;
    }

    /**
     * Every message of the session still reachable (not deleted, nor below a deleted one), parents
     * before children, alternatives in order: the whole tree, for an export.
     */
    public List<ChatMessage> tree(UUID sessionId) {
        return jdbc.sql("""
                        with recursive live(id, seq) as (
                            select id, seq from chat_message
                            where session_id = :session and parent_id is null and deleted_at is null
                          union all
                            select m.id, m.seq from chat_message m join live on coalesce(m.parent_id, m.session_id) = live.id
                            where m.deleted_at is null
                        )
                        """ + "select " + VIEW_COLUMNS + """
                         from live join chat_message m on m.id = live.id order by m.seq
                        """)
                .param("session", sessionId)
                .query((rs, n) -> message(rs))
                .list();
    }

    /**
     * A stretch of the path up from {@code start}: the {@code take} messages after the newest {@code skip}, oldest
     * first. The walk stops there, so it costs {@code skip + take} steps however long the path is.
     */
    public List<StoredMessage> pathSlice(UUID sessionId, UUID start, int skip, int take) {
        if (start == null || take <= 0) {
            return List.of();
        }
        return jdbc.sql("""
                        with recursive path(id, parent_id, n) as (
                            select id, parent_id, 1 from chat_message where id = :start and session_id = :session
                          union all
                            select m.id, m.parent_id, path.n + 1 from chat_message m join path on m.id = path.parent_id
                            where path.n < :last
                        )
                        select m.id, m.session_id, m.parent_id, m.role, m.content, m.request_id
                        from path join chat_message m on m.id = path.id
                        where path.n > :skip order by path.n desc
                        """)
                .param("session", sessionId)
                .param("start", start)
                .param("skip", skip)
                .param("last", skip + take)
                .query((rs, n) -> new StoredMessage(
                        rs.getObject("id", UUID.class),
                        rs.getObject("session_id", UUID.class),
                        rs.getObject("parent_id", UUID.class),
                        rs.getString("role"),
                        rs.getString("content"),
                        rs.getObject("request_id", UUID.class)))
                .list();
    }

    /**
     * Whether {@code messageId}, at {@code depth}, lies on the path from {@code leaf} to the root: a walk up from the
     * leaf that stops at that depth.
     */
    public boolean onPathAt(UUID sessionId, UUID leaf, UUID messageId, int depth) {
        if (leaf == null) {
            return false;
        }
        return jdbc.sql("""
                        with recursive path(id, parent_id, depth) as (
                            select id, parent_id, depth from chat_message where id = :start and session_id = :session
                          union all
                            select m.id, m.parent_id, m.depth from chat_message m join path on m.id = path.parent_id
                            where path.depth > :depth
                        )
                        select exists (select 1 from path where id = :message)
                        """)
                .param("session", sessionId)
                .param("start", leaf)
                .param("message", messageId)
                .param("depth", depth)
                .query(Boolean.class)
                .single();
    }

    /**
     * Whether {@code messageId} is a live message of the session on the path from {@code leaf} to the root: a walk up
     * from the leaf that stops at the message's depth.
     */
    public boolean onPathToLeaf(UUID sessionId, UUID leaf, UUID messageId) {
        if (leaf == null) {
            return false;
        }
        return jdbc.sql("""
                        with recursive target(depth) as (
                            select depth from chat_message
                            where id = :message and session_id = :session and deleted_at is null
                        ), path(id, parent_id, depth) as (
                            select id, parent_id, depth from chat_message where id = :start and session_id = :session
                          union all
                            select m.id, m.parent_id, m.depth from chat_message m join path on m.id = path.parent_id
                            where path.depth > (select depth from target)
                        )
                        select exists (select 1 from target) and exists (select 1 from path where id = :message)
                        """)
                .param("session", sessionId)
                .param("start", leaf)
                .param("message", messageId)
                .query(Boolean.class)
                .single();
    }

    /** Whether {@code messageId} lies on the path from {@code leaf} to the root. */
    public boolean onPath(UUID sessionId, UUID leaf, UUID messageId) {
        if (leaf == null) {
            return false;
        }
        return jdbc.sql(PATH + "select exists (select 1 from path where id = :message)")
                .param("session", sessionId)
                .param("start", leaf)
                .param("message", messageId)
                .query(Boolean.class)
                .single();
    }

    /** The {@code index}th (0-based) live alternative among {@code message}'s siblings of its role. */
    public Optional<UUID> alternative(StoredMessage message, int index) {
        return jdbc.sql("""
                        select id from chat_message
                        where coalesce(parent_id, session_id) = :group and role = :role and deleted_at is null
                        order by seq offset :index limit 1
                        """)
                .param("group", message.parentId() == null ? message.sessionId() : message.parentId())
                .param("role", message.role())
                .param("index", index)
                .query(UUID.class)
                .optional();
    }

    /**
     * Where the active path goes below {@code messageId} when it is selected: the live message in its
     * subtree written to or made the leaf last (the highest {@code written_seq}, see {@link #written}),
     * so the branch as the user left it. Rows older than that column follow by creation time. The copy
     * of an edited message's old text keeps the message's number, so it never wins over it.
     */
    public UUID latestLeafUnder(UUID messageId) {
        return jdbc.sql("""
                        with recursive below(id, seq, written_seq, created_at) as (
                            select id, seq, written_seq, created_at from chat_message where id = :id
                          union all
                            select m.id, m.seq, m.written_seq, m.created_at from chat_message m
                            join below on coalesce(m.parent_id, m.session_id) = below.id
                            where m.deleted_at is null
                        )
                        select id from below order by written_seq desc nulls last, created_at desc, seq asc limit 1
                        """).param("id", messageId).query(UUID.class).single();
    }

    /**
     * {@code leafId}'s branch was written to or became the active path just now: a later select above it
     * comes back to it ({@link #latestLeafUnder}). A new message is numbered as it is stored.
     */
    public void written(UUID leafId) {
        jdbc.sql("update chat_message set written_seq = nextval('chat_message_written_seq') where id = :id")
                .param("id", leafId)
                .update();
    }

    /** Soft delete: the message and its subtree are no longer reachable from the active path. */
    public void delete(UUID messageId) {
        jdbc.sql("update chat_message set deleted_at = now() where id = :id and deleted_at is null")
                .param("id", messageId)
                .update();
    }

    /**
     * Rewrites a message in place (its id and what follows it stay); the old text is kept as a new
     * alternative beside it, with the original creation time and written number, and no children.
     */
    public void rewrite(StoredMessage message, String content) {
        jdbc.sql("""
                        insert into chat_message
                            (id, session_id, parent_id, depth, role, content, request_id, created_at, written_seq)
                        select :copy, session_id, parent_id, depth, role, content, null, created_at, written_seq
                        from chat_message where id = :id
                        """).param("copy", UUID.randomUUID()).param("id", message.id()).update();
        jdbc.sql("update chat_message set content = :content where id = :id")
                .param("content", content)
                .param("id", message.id())
                .update();
    }

    /** A continued reply's new text; the message keeps its id, place and alternatives, and is written last. */
    public void replaceContent(UUID messageId, String content) {
        jdbc.sql("""
                        update chat_message set content = :content, written_seq = nextval('chat_message_written_seq')
                        where id = :id
                        """).param("content", content).param("id", messageId).update();
    }

    /** How many generated replies (not greetings) the session holds, alternatives included. */
    public int generatedReplies(UUID sessionId) {
        // Completed requests, not assistant messages: a continuation extends its message in place and is a generated
        // reply too (it counts for ads likewise).
        return jdbc.sql("select count(*) from chat_request where session_id = :session and status = 'COMPLETED'")
                .param("session", sessionId)
                .query(Integer.class)
                .single();
    }

    private static ChatMessage message(ResultSet rs) throws SQLException {
        return new ChatMessage(
                rs.getObject("id", UUID.class),
                rs.getString("role"),
                rs.getString("content"),
                rs.getObject("request_id", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("parent_id", UUID.class),
                rs.getInt("alternative_index"),
                rs.getInt("alternative_count"));
    }
}
