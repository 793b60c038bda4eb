package com.companion.worker.reply;

import com.companion.contracts.Event;
import com.companion.contracts.chat.ReplyBlocked;
import com.companion.contracts.chat.ReplyCompleted;
import com.companion.contracts.chat.ReplyFailed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** What the worker reports about replies (Micrometer; Prometheus at {@code /actuator/prometheus}). */
@Component
class ReplyMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Timer ttft;
    private final Timer queueWait;
    private final Counter promptTokens;
    private final Counter completionTokens;
    private final Counter chunksLost;

    ReplyMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("worker.generations.in.flight", inFlight);
        this.ttft = Timer.builder("worker.generation.ttft")
                .description("From pick-up of a request to its first chunk leaving")
                .publishPercentileHistogram()
                .register(registry);
        this.queueWait = Timer.builder("worker.request.queue.wait")
                .description("From the user's message being accepted to a worker picking its request up")
                .publishPercentileHistogram()
                .register(registry);
        this.promptTokens = tokens("prompt");
        this.completionTokens = tokens("completion");
        this.chunksLost = Counter.builder("worker.chunks.lost")
                .description("Reply chunks Kafka did not accept (the reply itself is still published whole)")
                .register(registry);
    }

    void started(Instant requestedAt) {
        inFlight.incrementAndGet();
        Duration waited = Duration.between(requestedAt, Instant.now());
        if (!waited.isNegative()) {
            queueWait.record(waited);
        }
    }

    void ended() {
        inFlight.decrementAndGet();
    }

    /** Counts an outcome once Kafka has it. */
    void published(Event outcome, long latencyNanos) {
        switch (outcome) {
            case ReplyCompleted completed -> {
                Counter.builder("worker.replies.completed")
                        .description("Replies completed")
                        .tag("model", completed.model())
                        .register(registry)
                        .increment();
                latency("completed", latencyNanos);
                ttft.record(completed.timeToFirstTokenMs(), TimeUnit.MILLISECONDS);
                promptTokens.increment(completed.usage().promptTokens());
                completionTokens.increment(completed.usage().completionTokens());
            }
            case ReplyFailed failed -> {
                Counter.builder("worker.replies.failed")
                        .description("Requests that ended in ReplyFailed, by reason")
                        .tag("reason", failed.reason())
                        .register(registry)
                        .increment();
                latency("failed", latencyNanos);
            }
            case ReplyBlocked blocked -> {
                Counter.builder("worker.replies.blocked")
                        .description("Requests the content guard stopped, by stage")
                        .tag("stage", blocked.stage())
                        .register(registry)
                        .increment();
                latency("blocked", latencyNanos);
            }
            default -> throw new IllegalArgumentException("not an outcome: " + outcome.getClass());
        }
    }

    void chunkLost() {
        chunksLost.increment();
    }

    private void latency(String outcome, long nanos) {
        Timer.builder("worker.generation.latency")
                .description("From pick-up of a request to its outcome being decided")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private Counter tokens(String kind) {
        return Counter.builder("worker.llm.tokens")
                .description("Tokens used at the LLM provider")
                .tag("kind", kind)
                .register(registry);
    }
}
