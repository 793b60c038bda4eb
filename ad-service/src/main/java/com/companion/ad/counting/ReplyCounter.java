package com.companion.ad.counting;

import com.companion.ad.inventory.Inventory;
import com.companion.contracts.Plan;
import com.companion.contracts.Topics;
import com.companion.contracts.ads.Ad;
import com.companion.contracts.ads.AdDecision;
import com.companion.contracts.chat.ReplyCompleted;
import com.companion.platform.messaging.kafka.Batches;
import com.companion.platform.messaging.kafka.Records;
import com.companion.platform.messaging.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Counts completed assistant replies per session and decides whether the reply brings an ad:
 * {@code show_ad = plan == free && ad_counter % 10 == 0}, with the plan the request carried. A
 * reply is counted once per request id — a worker that redoes a request sends a second
 * ReplyCompleted with a new event id, which must not count twice — in the same transaction as
 * the decision it publishes.
 */
@Component
class ReplyCounter {

    static final int AD_EVERY = 10;

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Inventory inventory;

    private final MeterRegistry meters;

    private final Batches batches;

    ReplyCounter(JdbcClient jdbc, Outbox outbox, Inventory inventory, MeterRegistry meters, Batches batches) {
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
        Records.event(record)
                .filter(envelope -> envelope.data() instanceof ReplyCompleted)
                .ifPresent(envelope -> count((ReplyCompleted) envelope.data()));
    }

    private void count(ReplyCompleted reply) {
        boolean erased = jdbc.sql("select exists (select 1 from erased_user where user_id = :user)")
                .param("user", reply.userId())
                .query(Boolean.class)
                .single();
        if (erased) {
            return;
        }
        jdbc.sql("""
                        insert into session_counter (session_id, user_id) values (:session, :user)
                        on conflict (session_id) do nothing
                        """)
                .param("session", reply.sessionId())
                .param("user", reply.userId())
                .update();
        long replies = jdbc.sql("select replies from session_counter where session_id = :session for update")
                .param("session", reply.sessionId())
                .query(Long.class)
                .single();
        boolean counted = jdbc.sql("select count(*) from counted_reply where request_id = :request")
                        .param("request", reply.requestId())
                        .query(Long.class)
                        .single()
                > 0;
        if (counted) {
            return;
        }
        long adCounter = replies + 1;
        boolean showAd = reply.plan() == Plan.FREE && adCounter % AD_EVERY == 0;
        Ad ad = showAd ? inventory.pick(adCounter / AD_EVERY).orElse(null) : null;
        showAd = showAd && ad != null;
        jdbc.sql("""
                        update session_counter set replies = :counter, last_show_ad = :show, last_ad_id = :ad,
                            updated_at = now() where session_id = :session
                        """)
                .param("counter", adCounter)
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
