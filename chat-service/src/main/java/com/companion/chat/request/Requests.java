package com.companion.chat.request;

import com.companion.chat.memory.Summaries;
import com.companion.chat.session.MessageRepository;
import com.companion.chat.session.SessionRepository;
import com.companion.chat.session.StoredMessage;
import com.companion.chat.title.Titles;
import com.companion.contracts.ads.AdDecision;
import com.companion.contracts.chat.ReplyBlocked;
import com.companion.contracts.chat.ReplyCompleted;
import com.companion.contracts.chat.ReplyFailed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one home of a request's state and of the messages it adds. A request moves once, under a
 * row lock, from {@code PENDING} (requested) to one of
 *
 * <ul>
 *   <li>{@code COMPLETED} — the reply is stored (a continuation extends the reply it continues, in
 *       place); the session takes messages again. Ad-service's
 *       decision for the reply may come before or after; it never holds the request up.
 *   <li>{@code BLOCKED} — the guard refused; the refusal in character is stored as the reply.
 *   <li>{@code FAILED} — the worker gave up, or nobody answered within the timeout (expired,
 *       {@code error_code = timeout}).
 * </ul>
 *
 * <p>Every change that someone may be waiting for notifies all instances on {@link
 * RequestNotice#CHANNEL}, delivered by PostgreSQL when the transaction commits, so a push never
 * gets ahead of the stored data. Effects are idempotent by request id: a redelivered or redone reply
 * (a second ReplyCompleted with a new event id) finds the request no longer pending and changes
 * nothing.
 */
@Repository
public class Requests {

    private final JdbcClient jdbc;
    private final SessionRepository sessions;
    private final MessageRepository messages;
    private final Titles titles;
    private final Summaries summaries;

    public Requests(
            JdbcClient jdbc,
            SessionRepository sessions,
            MessageRepository messages,
            Titles titles,
            Summaries summaries) {
        this.summaries = summaries;
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.messages = messages;
        this.titles = titles;
    }

    /** The assistant message for a request has an id derived from it, so every instance knows it. */
    public static UUID assistantMessageId(UUID requestId) {
        return UUID.nameUUIDFromBytes(("assistant:" + requestId).getBytes(StandardCharsets.UTF_8));
    }

    // ---- requested ----

    /**
     * @param continuesMessageId the reply this request extends (a continuation), else null
     * @param support the message spoke of self-harm or abuse: the answer tells the client to offer help
     */
    public void insertPending(
            UUID requestId, UUID sessionId, UUID userId, UUID userMessageId, UUID continuesMessageId, boolean support) {
        jdbc.sql("""
                        insert into chat_request (request_id, session_id, user_id, user_message_id, status,
                            continues_message_id, support)
                        values (:id, :session, :user, :message, 'PENDING', :continues, :support)
                        """)
                .param("id", requestId)
                .param("session", sessionId)
                .param("user", userId)
                .param("message", userMessageId)
                .param("continues", continuesMessageId)
                .param("support", support)
                .update();
    }

    /**
     * Whether the session has a reply in flight: a pending request younger than {@code timeout} (an
     * older one no longer holds the session; {@link #expire} fails it).
     */
    public boolean inFlight(UUID sessionId, Duration timeout) {
        return jdbc.sql("""
                        select exists (select 1 from chat_request where session_id = :session and status = 'PENDING'
                                       and created_at >= now() - make_interval(secs => :secs))
                        """)
                .param("session", sessionId)
                .param("secs", timeout.toSeconds())
                .query(Boolean.class)
                .single();
    }

    // ---- transitions, each in the caller's transaction ----

    /**
     * The reply arrived: stored under the user message it answers (a regeneration adds one more
     * alternative there) and made the session's active leaf; the request is finished whether or not
     * its ad decision is in.
     */
    public void replied(ReplyCompleted reply) {
        lockPending(reply.requestId()).ifPresent(pending -> {
            UUID sessionId = pending.sessionId();
            UUID messageId;
            String text;
            Optional<StoredMessage> continued =
                    Optional.ofNullable(pending.continuesMessageId()).flatMap(id -> messages.find(sessionId, id));
            if (continued.isPresent()) {
                // A continuation: the reply is extended in place and stays the same message.
                messageId = continued.get().id();
                text = joined(continued.get().content(), reply.text());
                messages.replaceContent(messageId, text);
                sessions.touch(sessionId);
            } else {
                messageId = assistantMessageId(reply.requestId());
                text = reply.text();
                storeReply(messageId, pending, reply.requestId(), text);
            }
            jdbc.sql("""
                            update chat_request set status = 'COMPLETED', completed_at = now(), reply_received = true,
                                assistant_message_id = :message, reply_text = :text
                            where request_id = :id
                            """)
                    .param("message", messageId)
                    .param("text", text)
                    .param("id", reply.requestId())
                    .update();
            finished(reply.requestId());
            titles.afterReply(sessionId);
            summaries.afterReply(sessionId);
        });
    }

    /** The reply so far and its continuation as one text: a space between them unless one is already there. */
    static String joined(String before, String continuation) {
        if (continuation.isEmpty() || before.isEmpty()) {
            return before + continuation;
        }
        char last = before.charAt(before.length() - 1);
        char first = continuation.charAt(0);
        boolean attached =
                Character.isWhitespace(last) || Character.isWhitespace(first) || ",.;:!?)]}…'’\"-".indexOf(first) >= 0;
        return attached ? before + continuation : before + " " + continuation;
    }

    /** A refused request still answers, with a refusal in character; it is not an ad-counted reply. */
    public void blocked(ReplyBlocked blocked) {
        lockPending(blocked.requestId()).ifPresent(pending -> {
            UUID messageId = assistantMessageId(blocked.requestId());
            storeReply(messageId, pending, blocked.requestId(), blocked.refusal());
            jdbc.sql("""
                            update chat_request set status = 'BLOCKED', completed_at = now(), assistant_message_id = :message,
                                reply_text = :text, show_ad = false, error_code = :code, error_message = :text
                            where request_id = :id
                            """)
                    .param("message", messageId)
                    .param("text", blocked.refusal())
                    .param("code", blocked.policy())
                    .param("id", blocked.requestId())
                    .update();
            finished(blocked.requestId());
        });
    }

    public void failed(ReplyFailed failed) {
        lockPending(failed.requestId()).ifPresent(pending -> {
            UUID sessionId = pending.sessionId();
            jdbc.sql("""
                            update chat_request set status = 'FAILED', completed_at = now(), error_code = :code,
                                error_message = :message
                            where request_id = :id
                            """)
                    .param("code", failed.reason())
                    .param("message", failed.notice())
                    .param("id", failed.requestId())
                    .update();
            sessions.touch(sessionId);
            finished(failed.requestId());
        });
    }

    /**
     * Ad-service counted the reply. Kept on the request whenever it comes; when the request had
     * already finished without it, instances are told so that they send it on its own. One statement:
     * the session's counter, the request's first decision (a redelivered one changes nothing) and the
     * notification. A reply being stored at the same moment holds the request's row; the update waits
     * for it and then sees the request finished.
     */
    public void decided(AdDecision decision) {
        jdbc.sql("""
                        with counted as (
                            update chat_session set ad_counter = greatest(ad_counter, :counter) where id = :session),
                        decided as (
                            update chat_request set decision_received = true, show_ad = :show, ad_counter = :counter
                            where request_id = :id and not decision_received
                            returning status)
                        select count(pg_notify(:channel, :payload)) from decided where status = 'COMPLETED'
                        """)
                .param("counter", decision.adCounter())
                .param("session", decision.sessionId())
                .param("show", decision.showAd())
                .param("id", decision.requestId())
                .param("channel", RequestNotice.CHANNEL)
                .param("payload", new RequestNotice(RequestNotice.Kind.AD_DECIDED, decision.requestId()).payload())
                .query(Integer.class)
                .single();
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
                        select count(pg_notify(:channel, 'finished:' || request_id::text)) from expired
                        """)
                .param("secs", timeout.toSeconds())
                .param("session", sessionId)
                .param("channel", RequestNotice.CHANNEL)
                .query(Integer.class)
                .single();
    }

    // ---- reads ----

    public Optional<RequestOutcome> outcome(UUID requestId) {
        return jdbc.sql("""
                        select r.*, coalesce(r.ad_counter, s.ad_counter) as counter from chat_request r
                        join chat_session s on s.id = r.session_id where r.request_id = :id
                        """)
                .param("id", requestId)
                .query((rs, n) -> {
                    RequestStatus status = RequestStatus.valueOf(rs.getString("status"));
                    boolean decided = rs.getBoolean("decision_received");
                    return new RequestOutcome(
                            rs.getObject("request_id", UUID.class),
                            rs.getObject("session_id", UUID.class),
                            rs.getObject("user_id", UUID.class),
                            status,
                            rs.getObject("assistant_message_id", UUID.class),
                            rs.getString("reply_text"),
                            decided && rs.getBoolean("show_ad"),
                            rs.getLong("counter"),
                            status == RequestStatus.COMPLETED && !decided,
                            rs.getString("error_code"),
                            rs.getString("error_message"),
                            rs.getBoolean("support"));
                })
                .optional();
    }

    /**
     * Of {@code requestIds}, whether each is no longer pending, by id: one query however many there are. A request
     * missing from the map no longer exists (a deleted session takes its requests with it).
     */
    public Map<UUID, Boolean> finishedAmong(Collection<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(
                        "select request_id, status <> 'PENDING' as finished from chat_request where request_id = any(:ids)")
                .param("ids", requestIds.toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject("request_id", UUID.class), rs.getBoolean("finished")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
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

    // ---- helpers ----

    private record Pending(UUID sessionId, UUID userMessageId, UUID continuesMessageId) {}

    /** The request's session and user message, with the request locked for this transaction, if it is still pending. */
    private Optional<Pending> lockPending(UUID requestId) {
        return jdbc.sql("""
                        select session_id, user_message_id, continues_message_id from chat_request
                        where request_id = :id and status = 'PENDING' for update
                        """)
                .param("id", requestId)
                .query((rs, n) -> new Pending(
                        rs.getObject("session_id", UUID.class),
                        rs.getObject("user_message_id", UUID.class),
                        rs.getObject("continues_message_id", UUID.class)))
                .optional();
    }

    /** The reply becomes the session's active leaf; that is also the session's latest activity. */
    private void storeReply(UUID messageId, Pending pending, UUID requestId, String text) {
        messages.insert(messageId, pending.sessionId(), pending.userMessageId(), "assistant", text, requestId);
        sessions.activateAndTouch(pending.sessionId(), messageId);
    }

    private void finished(UUID requestId) {
        notify(new RequestNotice(RequestNotice.Kind.FINISHED, requestId));
    }

    private void notify(RequestNotice notice) {
        jdbc.sql("select pg_notify(:channel, :payload)")
                .param("channel", RequestNotice.CHANNEL)
                .param("payload", notice.payload())
                .query((rs, n) -> 1)
                .list();
    }
}
