package com.companion.character.catalogue.internal;

import com.companion.contracts.Topics;
import com.companion.contracts.chat.ReplyCompleted;
import com.companion.platform.messaging.kafka.Batches;
import com.companion.platform.messaging.kafka.Records;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records which sessions chatted with which character on which day, from each completed reply. The
 * row's key is the whole fact, so a redelivered or repeated reply inserts nothing: the effect is
 * idempotent without a processed-event record.
 */
@Component
class ChatActivity {

    /** Days kept: the 7 the sorts read, plus one for the day boundary. */
    static final int DAYS_KEPT = 8;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Batches batches;

    ChatActivity(JdbcClient jdbc, Clock clock, Batches batches) {
        this.batches = batches;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Forgets days no sort reads any more; several instances doing it at once delete nothing twice. */
    @Scheduled(initialDelayString = "1m", fixedDelayString = "1h")
    void forgetOldDays() {
        jdbc.sql("delete from character_chat_days where day < :oldest")
                .param(
                        "oldest",
                        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(DAYS_KEPT))
                .update();
    }

    @KafkaListener(
            topics = Topics.REPLIES,
            groupId = "${character.consumers.group-id}",
            concurrency = "${platform.kafka.hot-listener-concurrency}",
            batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.applyInOneTransaction(records, this::apply);
    }

    private void apply(ConsumerRecord<String, String> record) {
        Records.event(record).ifPresent(envelope -> {
            if (envelope.data() instanceof ReplyCompleted reply) {
                jdbc.sql("""
                                insert into character_chat_days (character_id, day, session_id)
                                values (:character, :day, :session)
                                on conflict do nothing
                                """)
                        .param("character", reply.characterId())
                        .param(
                                "day",
                                reply.completedAt().atOffset(ZoneOffset.UTC).toLocalDate())
                        .param("session", reply.sessionId())
                        .update();
            }
        });
    }
}
