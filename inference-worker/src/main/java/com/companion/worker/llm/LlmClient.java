package com.companion.worker.llm;

import com.companion.worker.llm.LlmCallException.Kind;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets one streamed reply from the provider however long it takes, within the request's deadline:
 *
 * <ul>
 *   <li>a call that fails before its stream begins (429, 5xx, no connection, no first token) is
 *       retried a bounded number of times and never past the deadline, after what the provider asked
 *       for ({@code retry-after-ms}, {@code retry-after}, a rate limit's {@code x-ratelimit-reset}) or,
 *       when it asked nothing, exponential backoff with jitter;
 *   <li>a model that cannot serve (not served serverless, its dedicated endpoint stopped, unknown) is
 *       replaced by the next configured one at once, even mid-stream (the reply starts over);
 *   <li>a stream that breaks after it began is started over as a new attempt (the listener hears
 *       {@link StreamListener#onRestart}) a bounded number of times;
 *   <li>a circuit breaker counts provider faults across all requests of this instance, and while it
 *       is open every request fails at once instead of piling up on a dead provider.
 * </ul>
 *
 * The loop is written out rather than composed from Resilience4j's Retry because its decisions
 * depend on one another (retry-after against the deadline, fallback that is not a retry, restarts
 * that are not retries); the backoff arithmetic and the circuit breaker are Resilience4j's.
 */
public class LlmClient {

    private static final Logger log = LoggerFactory.getLogger(LlmClient.class);

    private final CompletionCall call;
    private final ModelRoster roster;
    private final CircuitBreaker circuit;
    private final LlmProperties.Retry retry;
    private final IntervalFunction backoff;
    private final MeterRegistry meters;

    LlmClient(
            CompletionCall call,
            ModelRoster roster,
            CircuitBreaker circuit,
            LlmProperties.Retry retry,
            MeterRegistry meters) {
        this.call = call;
        this.roster = roster;
        this.circuit = circuit;
        this.retry = retry;
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(
                retry.initialBackoff(), retry.multiplier(), 0.5, retry.maxBackoff());
        this.meters = meters;
    }

    /**
     * Streams a reply to {@code listener} and returns it once complete. The reply says whether a fallback
     * model wrote it ({@link LlmReply#fallbackFrom()}).
     *
     * @throws LlmFailure when no reply could be had; its reason is the code for {@code ReplyFailed}, its model
     *     the model called last (null when none was)
     * @throws InterruptedException when the thread is interrupted (the instance is shutting down)
     */
    public LlmReply generate(List<ChatMessage> messages, Deadline deadline, StreamListener listener)
            throws LlmFailure, InterruptedException {
        Set<String> refusedModels = new HashSet<>();
        String preferred = roster.models().getFirst();
        String lastCalled = null;
        int attempt = 1;
        int retries = 0;
        while (true) {
            if (deadline.expired()) {
                throw new LlmFailure(
                        LlmFailure.Reason.TIMEOUT, "the deadline passed before a reply was complete", lastCalled);
            }
            String calledBefore = lastCalled;
            String model = roster.next(refusedModels)
                    .orElseThrow(() -> new LlmFailure(
                            LlmFailure.Reason.UNAVAILABLE, "the provider serves none of the models", calledBefore));
            if (!circuit.tryAcquirePermission()) {
                count("circuit_open");
                throw new LlmFailure(LlmFailure.Reason.UNAVAILABLE, "the circuit breaker is open", lastCalled);
            }
            lastCalled = model;
            TokenTap tap = new TokenTap(listener);
            long started = System.nanoTime();
            try {
                CompletionCall.Result result = call.execute(model, messages, deadline, tap);
                circuit.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                roster.available(model);
                return new LlmReply(
                        tap.text(),
                        result.finishReason(),
                        result.usage(),
                        result.model(),
                        attempt,
                        retries,
                        model.equals(preferred) ? null : preferred);
            } catch (LlmCallException e) {
                record(e, tap, System.nanoTime() - started);
                Kind kind = e.kind();
                if (kind == Kind.MODEL_UNAVAILABLE) {
                    roster.unavailable(model);
                    refusedModels.add(model);
                    count("model_fallback");
                    if (tap.tokens() > 0) {
                        attempt++;
                        listener.onRestart(attempt);
                    }
                    continue;
                }
                if (!kind.retryable) {
                    throw new LlmFailure(kind.reason, e.getMessage(), model);
                }
                if (tap.tokens() > 0) {
                    if (attempt > retry.maxRestarts()) {
                        throw new LlmFailure(
                                LlmFailure.Reason.STREAM_BROKEN,
                                "the stream broke in " + attempt + " attempts; last: " + e.getMessage(),
                                model);
                    }
                    attempt++;
                    count("stream_restart");
                    log.info("stream broke mid-reply ({}); starting attempt {}", e.getMessage(), attempt);
                    listener.onRestart(attempt);
                    continue;
                }
                if (retries >= retry.maxRetries()) {
                    throw new LlmFailure(
                            kind.reason, "gave up after " + (retries + 1) + " calls; last: " + e.getMessage(), model);
                }
                Duration pause = pause(retries + 1, e.retryAfter());
                if (pause.compareTo(deadline.remaining()) >= 0) {
                    throw new LlmFailure(
                            kind.reason,
                            "no time left to wait " + pause.toMillis() + " ms; last: " + e.getMessage(),
                            model);
                }
                retries++;
                count(kind.tag());
                log.info("retrying in {} ms after: {}", pause.toMillis(), e.getMessage());
                Thread.sleep(pause);
            } catch (RuntimeException | InterruptedException | Error e) {
                circuit.releasePermission();
                throw e;
            }
        }
    }

    /** What the provider asked for ({@code retry-after-ms}, {@code retry-after}, a rate limit's reset), else our backoff. */
    private Duration pause(int retry, Duration providerHint) {
        if (providerHint != null && providerHint.isPositive()) {
            return providerHint;
        }
        return Duration.ofMillis(backoff.apply(retry));
    }

    /**
     * Provider faults count against the circuit; answers that show the provider is up (429, refusals,
     * unknown models) and timeouts of a reply that was flowing count neither way.
     */
    private void record(LlmCallException e, TokenTap tap, long nanos) {
        boolean fault = e.kind().providerFault && !(e.kind() == Kind.DEADLINE && tap.tokens() > 0);
        if (fault) {
            circuit.onError(nanos, TimeUnit.NANOSECONDS, e);
        } else {
            circuit.releasePermission();
        }
    }

    private void count(String cause) {
        Counter.builder("worker.llm.retries")
                .description("Calls to the LLM provider repeated, restarted or cut short, by cause")
                .tag("cause", cause)
                .register(meters)
                .increment();
    }

    /** Passes tokens on and keeps the text of this call, which is the text of its attempt. */
    private static final class TokenTap implements StreamListener {

        private final StreamListener delegate;
        private final StringBuilder text = new StringBuilder();
        private int tokens;

        TokenTap(StreamListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onToken(String token) {
            tokens++;
            text.append(token);
            delegate.onToken(token);
        }

        @Override
        public void onRestart(int attempt) {
            delegate.onRestart(attempt);
        }

        int tokens() {
            return tokens;
        }

        String text() {
            return text.toString();
        }
    }
}
