package com.companion.chat.reply;

import com.companion.chat.request.Requests;
import com.companion.contracts.Topics;
import com.companion.contracts.ads.AdDecision;
import com.companion.contracts.chat.ReplyBlocked;
import com.companion.contracts.chat.ReplyCompleted;
import com.companion.contracts.chat.ReplyFailed;
import com.companion.platform.messaging.inbox.ProcessedEvents;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores replies and joins them with ad decisions, in the group every instance shares, so each
 * reply is stored once whichever instance consumes it. A request is finished when its reply and
 * its decision are both in (a failed or blocked request expects no decision); finishing notifies
 * every instance through PostgreSQL, after the commit, so a push never gets ahead of the data.
 * Effects are idempotent by request id as well as by event id: a worker that redoes a request
 * sends a second ReplyCompleted with a new event id, which changes nothing.
 */
@Component
class ReplyConsumer {

    private static final String CONSUMER = "chat-replies";

    private final JdbcClient jdbc;
    private final ProcessedEvents processed;

    ReplyConsumer(JdbcClient jdbc, ProcessedEvents processed) {
        this.jdbc = jdbc;
        this.processed = processed;
    }

    @KafkaListener(
            topics = {Topics.REPLIES, Topics.AD_DECISIONS},
            groupId = "${platform.kafka.consumer-group}")
    @Transactional
    void on(ConsumerRecord<String, String> record) {
        processed.once(CONSUMER, record, event -> {
            switch (event) {
                case ReplyCompleted reply -> completed(reply);
                case AdDecision decision -> decided(decision);
                case ReplyFailed failed -> finish(failed.requestId(), "FAILED", failed.reason(), failed.userMessage());
                case ReplyBlocked blocked -> blocked(blocked);
                default -> {
                    // other events on these topics do not concern chat
                }
            }
        });
    }

    private void completed(ReplyCompleted reply) {
        Optional<PendingRow> row = lockPending(reply.requestId());
        if (row.isEmpty() || row.get().replyReceived()) {
            return;
        }
        UUID messageId = Requests.assistantMessageId(reply.requestId());
        insertAssistantMessage(messageId, row.get().sessionId(), reply.requestId(), reply.text());
        jdbc.sql("""
                        update chat_request set reply_received = true, assistant_message_id = :message, reply_text = :text
                        where request_id = :id
                        """)
                .param("message", messageId)
                .param("text", reply.text())
                .param("id", reply.requestId())
                .update();
        if (row.get().decisionReceived()) {
            finish(reply.requestId(), "COMPLETED", null, null);
        }
    }

    private void decided(AdDecision decision) {
        jdbc.sql("update chat_session set ad_counter = greatest(ad_counter, :counter) where id = :session")
                .param("counter", decision.adCounter())
                .param("session", decision.sessionId())
                .update();
        Optional<PendingRow> row = lockPending(decision.requestId());
        if (row.isEmpty() || row.get().decisionReceived()) {
            return;
        }
        jdbc.sql("""
                        update chat_request set decision_received = true, show_ad = :show, ad_counter = :counter
                        where request_id = :id
                        """)
                .param("show", decision.showAd())
                .param("counter", decision.adCounter())
                .param("id", decision.requestId())
                .update();
        if (row.get().replyReceived()) {
            finish(decision.requestId(), "COMPLETED", null, null);
        }
    }

    /** A blocked request still answers, with a refusal in character; it is not an ad-counted reply. */
    private void blocked(ReplyBlocked blocked) {
        Optional<PendingRow> row = lockPending(blocked.requestId());
        if (row.isEmpty()) {
            return;
        }
        UUID messageId = Requests.assistantMessageId(blocked.requestId());
        insertAssistantMessage(messageId, row.get().sessionId(), blocked.requestId(), blocked.userMessage());
        jdbc.sql("""
                        update chat_request set assistant_message_id = :message, reply_text = :text, show_ad = false
                        where request_id = :id
                        """)
                .param("message", messageId)
                .param("text", blocked.userMessage())
                .param("id", blocked.requestId())
                .update();
        finish(blocked.requestId(), "BLOCKED", blocked.policy(), blocked.userMessage());
    }

    private void finish(UUID requestId, String status, String errorCode, String errorMessage) {
        int updated = jdbc.sql("""
                        update chat_request set status = :status, completed_at = now(), error_code = :code,
                            error_message = :message
                        where request_id = :id and status = 'PENDING'
                        """)
                .param("status", status)
                .param("code", errorCode)
                .param("message", errorMessage)
                .param("id", requestId)
                .update();
        if (updated == 1) {
            jdbc.sql("select pg_notify(:channel, :id)")
                    .param("channel", Requests.DONE_CHANNEL)
                    .param("id", requestId.toString())
                    .query((rs, n) -> 1)
                    .list();
            jdbc.sql(
                            "update chat_session set last_activity_at = now() where id = (select session_id from chat_request where request_id = :id)")
                    .param("id", requestId)
                    .update();
        }
    }

    private void insertAssistantMessage(UUID messageId, UUID sessionId, UUID requestId, String content) {
        jdbc.sql("""
                        insert into chat_message (id, session_id, role, content, request_id)
                        values (:id, :session, 'assistant', :content, :request)
                        on conflict do nothing
                        """)
                .param("id", messageId)
                .param("session", sessionId)
                .param("content", content)
                .param("request", requestId)
                .update();
    }

    /** The request, locked for this transaction, if it is still waiting for its outcome. */
    private Optional<PendingRow> lockPending(UUID requestId) {
        return jdbc.sql("""
                        select session_id, reply_received, decision_received from chat_request
                        where request_id = :id and status = 'PENDING' for update
                        """)
                .param("id", requestId)
                .query((rs, n) -> new PendingRow(
                        rs.getObject("session_id", UUID.class),
                        rs.getBoolean("reply_received"),
                        rs.getBoolean("decision_received")))
                .optional();
    }

    private record PendingRow(UUID sessionId, boolean replyReceived, boolean decisionReceived) {}
}
