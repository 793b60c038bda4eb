package com.companion.chat.search;

import com.companion.chat.session.SessionRepository;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Full-text search over a user's own messages (PostgreSQL, the {@code simple} configuration so that
 * no language's stemming surprises anyone), through the GIN index {@code chat_message_text}. Deleted
 * messages are left out; messages on other branches are found (the result names the message, and
 * selecting its branch brings it back). Newest first, keyset-paginated by {@code seq}.
 */
@Repository
public class MessageSearch {

    /**
     * One match: {@code snippet} is HTML, the matching passage escaped with the terms in {@code
     * <b>…</b>}, so a client may render it as it is.
     */
    public record Match(UUID sessionId, UUID messageId, String snippet, Instant createdAt, long seq) {}

    /** Public so that a test can EXPLAIN it. */
    public static final String QUERY = """
            select m.session_id, m.id, m.created_at, m.seq,
                   ts_headline('simple',
                               replace(replace(replace(m.content, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'),
                               q.query,
                               'StartSel=<b>, StopSel=</b>, MaxWords=24, MinWords=8, MaxFragments=1') as snippet
            from websearch_to_tsquery('simple', :q) q(query)
            join chat_message m on to_tsvector('simple', m.content) @@ q.query
            join chat_session s on s.id = m.session_id
            where s.user_id = :user and m.deleted_at is null
              and (cast(:beforeSeq as bigint) is null or m.seq < :beforeSeq)
            """ + SessionRepository.VISIBLE_TO_CALLER + """
            order by m.seq desc limit :limit
            """;

    private final JdbcClient jdbc;

    MessageSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param adult the caller is an adult; else sessions only adults may see are left out */
    public List<Match> search(UUID userId, boolean adult, String query, Long beforeSeq, int limit) {
        return jdbc.sql(QUERY)
                .param("q", query)
                .param("user", userId)
                .param("adult", adult)
                .param("beforeSeq", beforeSeq)
                .param("limit", limit)
                .query((rs, n) -> new Match(
                        rs.getObject("session_id", UUID.class),
                        rs.getObject("id", UUID.class),
                        rs.getString("snippet"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getLong("seq")))
                .list();
    }
}
