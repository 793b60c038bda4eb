package com.companion.chat.request;

import com.companion.contracts.chat.ChatRole;
import com.companion.contracts.chat.HistoryMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Chat requests and the messages they add; every write that finishes a request also notifies. */
@Repository
public class Requests {

    /** Instances listen on this channel; a notification is delivered only once its transaction commits. */
    public static final String DONE_CHANNEL = "chat_request_done";

    private final JdbcClient jdbc;

    public Requests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The assistant message for a request has an id derived from it, so every instance knows it. */
    public static UUID assistantMessageId(UUID requestId) {
        return UUID.nameUUIDFromBytes(("assistant:" + requestId).getBytes(StandardCharsets.UTF_8));
    }

    public void insertPending(UUID requestId, UUID sessionId, UUID userId, UUID userMessageId) {
        jdbc.sql("""
                        insert into chat_request (request_id, session_id, user_id, user_message_id, status)
                        values (:id, :session, :user, :message, 'PENDING')
                        """)
                .param("id", requestId)
                .param("session", sessionId)
                .param("user", userId)
                .param("message", userMessageId)
                .update();
    }

    public void insertUserMessage(UUID messageId, UUID sessionId, UUID requestId, String content) {
        jdbc.sql("""
                        insert into chat_message (id, session_id, role, content, request_id)
                        values (:id, :session, 'user', :content, :request)
                        """)
                .param("id", messageId)
                .param("session", sessionId)
                .param("content", content)
                .param("request", requestId)
                .update();
    }

    /**
     * The latest {@code limit} messages of a session, oldest first, trimmed from the oldest end to
     * about {@code tokenBudget} tokens (four characters a token).
     */
    public List<HistoryMessage> window(UUID sessionId, int limit, int tokenBudget) {
        List<HistoryMessage> newestFirst = jdbc.sql(
                        "select role, content from chat_message where session_id = :session order by seq desc limit :limit")
                .param("session", sessionId)
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

    /** Fails requests that have been pending past {@code timeout}, so they no longer block sessions. */
    public int expire(UUID sessionId, Duration timeout) {
        return jdbc.sql("""
                        with expired as (
                            update chat_request set status = 'FAILED', completed_at = now(), error_code = 'timeout',
                                error_message = 'That took too long. Please try again.'
                            where status = 'PENDING' and created_at < now() - make_interval(secs => :secs)
                              and (cast(:session as uuid) is null or session_id = :session)
                            returning request_id)
                        select count(pg_notify(:channel, request_id::text)) from expired
                        """)
                .param("secs", timeout.toSeconds())
                .param("session", sessionId)
                .param("channel", DONE_CHANNEL)
                .query(Integer.class)
                .single();
    }

    public Optional<RequestOutcome> outcome(UUID requestId) {
        return jdbc.sql("""
                        select r.*, coalesce(r.ad_counter, s.ad_counter) as counter from chat_request r
                        join chat_session s on s.id = r.session_id where r.request_id = :id
                        """)
                .param("id", requestId)
                .query((rs, n) -> new RequestOutcome(
                        rs.getObject("request_id", UUID.class),
                        rs.getObject("session_id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        RequestStatus.valueOf(rs.getString("status")),
                        rs.getObject("assistant_message_id", UUID.class),
                        rs.getString("reply_text"),
                        rs.getBoolean("show_ad"),
                        rs.getLong("counter"),
                        rs.getString("error_code"),
                        rs.getString("error_message")))
                .optional();
    }

    /** The latest request of a session, for a client that joins again after being away. */
    public Optional<RequestOutcome> latest(UUID sessionId) {
        return jdbc.sql(
                        "select request_id from chat_request where session_id = :session order by created_at desc limit 1")
                .param("session", sessionId)
                .query(UUID.class)
                .optional()
                .flatMap(this::outcome);
    }
}
