package com.companion.worker.reply;

import com.companion.contracts.Event;
import com.companion.contracts.EventEnvelope;
import com.companion.contracts.EventJson;
import com.companion.contracts.Topics;
import com.companion.contracts.chat.MessageRequested;
import com.companion.contracts.chat.ReplyChunk;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes what a request produces. Chunks are fire-and-forget (a lost chunk costs a moment of
 * streaming, never the reply); an outcome is waited for, because the request counts as done only once
 * Kafka has it. Both go through the one idempotent producer, keyed by session, so a session's records
 * keep their order on the partition.
 */
@Component
public class ReplyEvents {

    private static final Logger log = LoggerFactory.getLogger(ReplyEvents.class);

    private final KafkaTemplate<String, String> kafka;
    private final KafkaTemplate<String, String> chunkKafka;
    private final ReplyProperties properties;
    private final ScheduledExecutorService chunkFlushTimer;
    private final ReplyMetrics metrics;

    /**
     * Chunks go through a second template on the same producer factory, hence the same producer (order
     * is kept), without observation: a span and timer per chunk would be noise at tens per second.
     */
    @SuppressWarnings("unchecked")
    ReplyEvents(
            KafkaTemplate<String, String> kafka,
            ProducerFactory<?, ?> producerFactory,
            ReplyProperties properties,
            ScheduledExecutorService chunkFlushTimer,
            ReplyMetrics metrics) {
        this.kafka = kafka;
        this.chunkKafka = new KafkaTemplate<>((ProducerFactory<String, String>) producerFactory);
        this.chunkKafka.setProducerListener(null); // failures are counted and logged below, once
        this.chunkKafka.setMicrometerEnabled(false);
        this.chunkKafka.setObservationEnabled(false);
        this.properties = properties;
        this.chunkFlushTimer = chunkFlushTimer;
        this.metrics = metrics;
    }

    ChunkStream chunks(MessageRequested request, int attempt, ChunkStream.Screen screen) {
        return new ChunkStream(
                request,
                attempt,
                this::send,
                screen,
                chunkFlushTimer,
                properties.chunkCoalesceWindow().toNanos(),
                properties.chunkMaxChars(),
                properties.screenAfterChars());
    }

    /**
     * Publishes an outcome and waits for the broker's acknowledgement.
     *
     * @throws OutcomeNotPublishedException when Kafka did not take it in time
     */
    public void publish(Event outcome) throws InterruptedException {
        EventEnvelope<Event> envelope = EventEnvelope.wrap(outcome);
        try {
            kafka.send(envelope.topic(), envelope.key(), EventJson.encode(envelope))
                    .get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new OutcomeNotPublishedException(
                    "Kafka refused " + envelope.eventType() + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new OutcomeNotPublishedException(
                    "Kafka did not acknowledge " + envelope.eventType() + " within " + properties.publishTimeout(), e);
        } catch (RuntimeException e) {
            throw new OutcomeNotPublishedException("cannot send " + envelope.eventType() + ": " + e.getMessage(), e);
        }
    }

    private void send(ReplyChunk chunk) {
        try {
            chunkKafka
                    .send(Topics.REPLY_CHUNKS, chunk.partitionKey(), EventJson.encode(chunk))
                    .whenComplete((result, failure) -> {
                        if (failure != null) {
                            lost(chunk, failure);
                        }
                    });
        } catch (RuntimeException e) {
            lost(chunk, e);
        }
    }

    private void lost(ReplyChunk chunk, Throwable failure) {
        metrics.chunkLost();
        log.warn(
                "chunk {} of attempt {} of request {} was not published: {}",
                chunk.seq(),
                chunk.attempt(),
                chunk.requestId(),
                failure.getMessage());
    }
}
