package com.companion.worker.intake;

import com.companion.contracts.EventEnvelope;
import com.companion.contracts.EventJson;
import com.companion.contracts.MalformedEventException;
import com.companion.contracts.chat.MessageRequested;
import com.companion.worker.reply.OutcomeNotPublishedException;
import com.companion.worker.reply.ReplyService;
import io.confluent.parallelconsumer.PCRetriableException;
import io.confluent.parallelconsumer.ParallelConsumerOptions;
import io.confluent.parallelconsumer.ParallelConsumerOptions.CommitMode;
import io.confluent.parallelconsumer.ParallelConsumerOptions.ProcessingOrder;
import io.confluent.parallelconsumer.ParallelEoSStreamProcessor;
import io.confluent.parallelconsumer.PollContext;
import io.confluent.parallelconsumer.internal.DrainingCloseable.DrainingMode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * Takes requests from the work queue and runs many at once: Confluent Parallel Consumer in key order,
 * the key being the session, so different sessions proceed in parallel (up to {@code maxConcurrency})
 * while one session's requests run one after another. A request's offset counts as done only when
 * its function returns, which is after its outcome was acknowledged; PC commits the done offsets
 * (with the gaps encoded in the commit metadata) periodically, so a crash redoes only unfinished or
 * very recently finished requests, and downstream dedupes them by request id.
 *
 * <p>Stopping: no new request is started, those running get {@code drainTimeout} to finish, the rest
 * are interrupted (no outcome, so another instance redoes them), offsets are committed and the
 * consumer leaves the group. Records fetched but not started are left for the next owner.
 */
class RequestConsumer implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(RequestConsumer.class);

    private final KafkaProperties kafkaProperties;
    private final IntakeProperties properties;
    private final ReplyService replies;
    private final DeadLetters deadLetters;
    private final ObservationRegistry observations;
    private final MeterRegistry meters;
    private final Counter deadLettered;

    private volatile ParallelEoSStreamProcessor<String, byte[]> processor;
    private volatile boolean running;

    RequestConsumer(
            KafkaProperties kafkaProperties,
            IntakeProperties properties,
            ReplyService replies,
            DeadLetters deadLetters,
            ObservationRegistry observations,
            MeterRegistry meters) {
        this.kafkaProperties = kafkaProperties;
        this.properties = properties;
        this.replies = replies;
        this.deadLetters = deadLetters;
        this.observations = observations;
        this.meters = meters;
        this.deadLettered = Counter.builder("worker.requests.dead.lettered")
                .description("Records of the work queue that were not requests, moved to its DLT")
                .register(meters);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        Map<String, Object> config = kafkaProperties.buildConsumerProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        ParallelConsumerOptions<String, byte[]> options = ParallelConsumerOptions.<String, byte[]>builder()
                .consumer(consumer)
                .ordering(ProcessingOrder.KEY)
                .maxConcurrency(properties.maxConcurrency())
                .commitMode(CommitMode.PERIODIC_CONSUMER_ASYNCHRONOUS)
                .commitInterval(properties.commitInterval())
                .retryDelayProvider(context -> retryDelay(context.getNumberOfFailedAttempts()))
                .shutdownTimeout(properties.drainTimeout())
                .meterRegistry(meters)
                .build();
        processor = new ParallelEoSStreamProcessor<>(options);
        processor.subscribe(List.of(properties.topic()));
        processor.poll(this::process);
        running = true;
        log.info(
                "taking requests from {} as group {}, up to {} at once",
                properties.topic(),
                properties.groupId(),
                properties.maxConcurrency());
    }

    @Override
    public void stop(Runnable callback) {
        Thread.ofPlatform().name("request-consumer-stop").start(() -> {
            try {
                stop();
            } finally {
                callback.run();
            }
        });
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        log.info("stopping: letting running generations finish for up to {}", properties.drainTimeout());
        try {
            processor.close(properties.drainTimeout(), DrainingMode.DONT_DRAIN);
        } catch (Exception e) { // PC throws checked exceptions without declaring them
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("request consumer did not close cleanly", e);
        } finally {
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Down when the consumer died on its own (it does not restart itself); part of the liveness group. */
    @Override
    public Health health() {
        ParallelEoSStreamProcessor<String, byte[]> current = processor;
        if (current == null || !running) {
            return Health.unknown().withDetail("state", "stopped").build();
        }
        if (current.isClosedOrFailed()) {
            Exception cause = current.getFailureCause();
            return Health.down()
                    .withDetail("state", "failed")
                    .withDetail(
                            "error", cause == null ? "closed" : cause.getClass().getSimpleName())
                    .build();
        }
        return Health.up().build();
    }

    /**
     * Observed like a spring-kafka listener (same metric and span conventions): the span continues the
     * trace in the record's {@code traceparent}, and the outcome's send is a child of it.
     */
    private void process(PollContext<String, byte[]> context) {
        ConsumerRecord<String, byte[]> record = context.getSingleConsumerRecord();
        KafkaListenerObservation.LISTENER_OBSERVATION
                .observation(
                        null,
                        KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                        () -> new KafkaRecordReceiverContext(
                                record, "inference-worker", "inference-worker", properties.groupId(), () -> null),
                        observations)
                .observe(() -> handle(record));
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        MessageRequested request;
        try {
            request = decode(record);
        } catch (MalformedEventException e) {
            log.warn(
                    "{}-{}@{} is not a request, moving it to the DLT: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
            deadLetter(record, e);
            return;
        }
        try {
            replies.reply(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("request {} cut off by shutdown; it is left for another instance", request.requestId());
            throw new PCRetriableException("stopping", e);
        } catch (OutcomeNotPublishedException e) {
            log.warn("request {}: {}; it will be processed again", request.requestId(), e.getMessage());
            throw new PCRetriableException(e.getMessage(), e);
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, MalformedEventException cause) {
        try {
            deadLetters.publish(record, cause);
            deadLettered.increment();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PCRetriableException("stopping", e);
        } catch (RuntimeException e) {
            log.warn("{}; it will be tried again", e.getMessage());
            throw new PCRetriableException(e.getMessage(), e);
        }
    }

    private static MessageRequested decode(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new MalformedEventException("a record without a value (tombstone) on the work queue", null);
        }
        EventEnvelope<?> envelope = EventJson.decode(new String(record.value(), StandardCharsets.UTF_8));
        if (!(envelope.data() instanceof MessageRequested request)) {
            throw new MalformedEventException(
                    "event type '" + envelope.eventType() + "' does not belong on " + record.topic(), null);
        }
        return request;
    }

    private Duration retryDelay(int failedAttempts) {
        Duration delay =
                properties.retryInitialDelay().multipliedBy(1L << Math.min(Math.max(0, failedAttempts - 1), 16));
        return delay.compareTo(properties.retryMaxDelay()) > 0 ? properties.retryMaxDelay() : delay;
    }
}
