package com.companion.ad.counting;

import com.companion.ad.inventory.Inventory;
import com.companion.contracts.Plan;
import com.companion.contracts.Topics;
import com.companion.contracts.ads.Ad;
import com.companion.contracts.ads.AdDecision;
import com.companion.contracts.chat.ReplyBlocked;
import com.companion.contracts.chat.ReplyCompleted;
import com.companion.contracts.chat.ReplyFailed;
import com.companion.platform.messaging.inbox.ProcessedEvents;
import com.companion.platform.messaging.kafka.Batches;
import com.companion.platform.messaging.kafka.Records;
import com.companion.platform.messaging.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Counts completed assistant replies per session and decides whether the reply brings an ad:
 * {@code show_ad = plan == free && ad_counter % 10 == 0}, with the plan the request carried. A
 * reply is counted once per request id — a worker that redoes a request sends a second
 * ReplyCompleted with a new event id, which must not count twice — in the same transaction as
 * the decision it publishes. Only a request whose first outcome is a completed reply is counted:
 * a redo may end otherwise than the first attempt did, and chat-service keeps the first outcome
 * on the session's partition, so a reply it refused to store is never counted here.
 */
@Component
class ReplyCounter {

    static final int AD_EVERY = 10;

    /** The idempotency marks' consumer name for request outcomes (the marks hold request ids, not event ids). */
    static final String OUTCOMES = "ad-service:request-outcome";

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Inventory inventory;

    private final MeterRegistry meters;

    private final Batches batches;

    private final ProcessedEvents processed;

    ReplyCounter(
            JdbcClient jdbc,
            Outbox outbox,
            Inventory inventory,
            MeterRegistry meters,
            Batches batches,
            ProcessedEvents processed) {
        this.processed = processed;
        this.batches = batches;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.inventory = inventory;
        this.meters = meters;
    }

    @KafkaListener(
            topics = Topics.REPLIES,
            groupId = "${platform.kafka.consumer-group}",
            concurrency = "${platform.kafka.hot-listener-concurrency}",
            batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.applyInOneTransaction(records, this::apply);
    }

    private void apply(ConsumerRecord<String, String> record) {
        Records.event(record).ifPresent(envelope -> {
            switch (envelope.data()) {
                case ReplyCompleted reply -> {
                    if (firstOutcome(reply.requestId()) && !erased(reply.userId())) {
                        count(reply);
                    }
                }
                case ReplyFailed failed -> firstOutcome(failed.requestId());
                case ReplyBlocked blocked -> firstOutcome(blocked.requestId());
                default -> {
                    // other events on the topic are no outcome
                }
            }
        });
    }

    /**
     * Marks the request as having its outcome (the platform's idempotency marks, keyed by request id, kept for
     * longer than any topic's retention); false when it already had one: a redelivered record, or a redone request
     * whose first outcome is the one that stands, as it is for chat-service.
     */
    private boolean firstOutcome(UUID requestId) {
        return processed.firstTime(OUTCOMES, requestId);
    }

    private boolean erased(UUID userId) {
        return jdbc.sql("select exists (select 1 from erased_user where user_id = :user)")
                .param("user", userId)
                .query(Boolean.class)
                .single();
    }

    private void count(ReplyCompleted reply) {
        long adCounter = jdbc.sql("""
                        insert into session_counter (session_id, user_id, replies) values (:session, :user, 1)
                        on conflict (session_id) do update set replies = session_counter.replies + 1
                        returning replies
                        """)
                .param("session", reply.sessionId())
                .param("user", reply.userId())
                .query(Long.class)
                .single();
        boolean showAd = reply.plan() == Plan.FREE && adCounter % AD_EVERY == 0;
        Ad ad = showAd ? inventory.pick(adCounter / AD_EVERY).orElse(null) : null;
        showAd = showAd && ad != null;
        jdbc.sql("""
                        update session_counter set last_show_ad = :show, last_ad_id = :ad, updated_at = now()
                        where session_id = :session
                        """)
                .param("show", showAd)
                .param("ad", ad == null ? null : ad.adId())
                .param("session", reply.sessionId())
                .update();
        jdbc.sql("""
                        insert into counted_reply (request_id, session_id, ad_counter, show_ad, ad_id)
                        values (:request, :session, :counter, :show, :ad)
                        """)
                .param("request", reply.requestId())
                .param("session", reply.sessionId())
                .param("counter", adCounter)
                .param("show", showAd)
                .param("ad", ad == null ? null : ad.adId())
                .update();
        outbox.publish(new AdDecision(
                reply.requestId(), reply.sessionId(), reply.userId(), adCounter, showAd, ad, Instant.now()));
        meters.counter(
                        "ads.decisions",
                        "show_ad",
                        Boolean.toString(showAd),
                        "plan",
                        reply.plan().wire())
                .increment();
    }
}
