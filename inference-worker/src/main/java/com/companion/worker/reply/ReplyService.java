package com.companion.worker.reply;

import com.companion.contracts.Event;
import com.companion.contracts.chat.MessageRequested;
import com.companion.contracts.chat.ReplyBlocked;
import com.companion.contracts.chat.ReplyCompleted;
import com.companion.contracts.chat.ReplyFailed;
import com.companion.contracts.chat.TokenUsage;
import com.companion.worker.guard.ReplyGuard;
import com.companion.worker.guard.ReplyGuard.Stage;
import com.companion.worker.guard.ReplyGuard.Subject;
import com.companion.worker.guard.Screening;
import com.companion.worker.guard.ScreeningProperties;
import com.companion.worker.llm.ChatMessage;
import com.companion.worker.llm.Deadline;
import com.companion.worker.llm.LlmClient;
import com.companion.worker.llm.LlmFailure;
import com.companion.worker.llm.LlmReply;
import com.companion.worker.llm.StreamListener;
import com.companion.worker.prompt.PromptBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Answers one request with exactly one outcome: ReplyCompleted, ReplyBlocked or ReplyFailed.
 *
 * <p>Input guard, prompt, streamed generation (chunks published as tokens arrive, screened sentence
 * by sentence with the in-process guard, a blocked sentence ending the generation at once), output
 * guard on the whole text, then the outcome, published and acknowledged before this method returns. Every path
 * ends in an outcome within the deadline (plus the publish timeout), including unexpected errors,
 * which become ReplyFailed {@code internal}. Only two things end without one, and both leave the
 * request to be processed again: the outcome not being acknowledged ({@link
 * OutcomeNotPublishedException}) and the thread being interrupted because the instance is stopping.
 */
@Service
public class ReplyService {

    private static final Logger log = LoggerFactory.getLogger(ReplyService.class);

    private final ReplyGuard guard;
    private final PromptBuilder prompts;
    private final LlmClient llm;
    private final ReplyEvents events;
    private final ReplyProperties properties;
    private final ReplyMetrics metrics;
    private final int conversationMessages;

    ReplyService(
            ReplyGuard guard,
            PromptBuilder prompts,
            LlmClient llm,
            ReplyEvents events,
            ReplyProperties properties,
            ReplyMetrics metrics,
            ScreeningProperties screening) {
        this.conversationMessages = screening.conversationMessages();
        this.guard = guard;
        this.prompts = prompts;
        this.llm = llm;
        this.events = events;
        this.properties = properties;
        this.metrics = metrics;
    }

    /**
     * @throws OutcomeNotPublishedException when Kafka did not acknowledge the outcome
     * @throws InterruptedException when the instance is stopping; no outcome was published
     */
    public void reply(MessageRequested request) throws InterruptedException {
        long started = System.nanoTime();
        Duration left = properties.maxAge().minus(Duration.between(request.requestedAt(), Instant.now()));
        Deadline deadline = Deadline.after(left.compareTo(properties.deadline()) < 0 ? left : properties.deadline());
        metrics.started(request.requestedAt());
        try {
            Event outcome;
            try {
                if (left.isNegative() || left.isZero()) {
                    log.info("request {} is past its max age; nobody waits for it any more", request.requestId());
                    outcome = failed(request, "request_expired", true, null);
                } else {
                    outcome = decide(request, deadline, started);
                }
            } catch (RuntimeException e) {
                log.error("request {} failed unexpectedly", request.requestId(), e);
                outcome = failed(request, FailureMessages.INTERNAL, true, null);
            }
            events.publish(outcome);
            metrics.published(outcome, System.nanoTime() - started);
        } finally {
            metrics.ended();
        }
    }

    private Event decide(MessageRequested request, Deadline deadline, long started) throws InterruptedException {
        Subject inputSubject = Subject.of(request, Stage.INPUT, conversationMessages);
        Screening input = request.inputVerdict() == null
                ? guard.screen(request.userMessage(), inputSubject)
                : guard.screenAllowedInput(
                        request.userMessage(),
                        inputSubject,
                        new Screening(
                                false, null, List.of(), request.inputVerdict().support()));
        if (input.blocked()) {
            return blocked(request, Stage.INPUT, input);
        }
        List<ChatMessage> messages = prompts.messages(request, input.support());
        Subject output = Subject.of(request, Stage.OUTPUT, conversationMessages);
        ChunkStream.Screen screen = properties.screenWhileStreaming()
                ? (window, opensReply) -> guard.screenPartial(window, opensReply, output)
                : (window, opensReply) -> Screening.ALLOWED;
        Attempts attempts = new Attempts(request, screen);
        try {
            LlmReply reply = llm.generate(messages, deadline, attempts);
            String text = attempts.finish();
            Screening screening = guard.screen(text, output);
            if (screening.blocked()) {
                return blocked(request, Stage.OUTPUT, screening);
            }
            return completed(request, reply, text, started, attempts.firstTokenNanos);
        } catch (BlockedWhileStreamingException e) {
            return blocked(request, Stage.OUTPUT, e.screening());
        } catch (LlmFailure e) {
            log.warn(
                    "request {}: no reply ({}): {}",
                    request.requestId(),
                    e.reason().code(),
                    e.getMessage());
            return failed(request, e.reason().code(), e.reason().retryable(), e.model());
        } finally {
            attempts.abandon();
        }
    }

    private ReplyCompleted completed(
            MessageRequested request, LlmReply reply, String text, long started, long firstTokenNanos) {
        long latency = System.nanoTime() - started;
        long ttft = firstTokenNanos < 0 ? 0 : firstTokenNanos - started;
        LlmReply.Usage usage = reply.usage();
        return new ReplyCompleted(
                request.requestId(),
                request.sessionId(),
                request.userId(),
                request.character().characterId(),
                request.plan(),
                text,
                reply.finishReason(),
                new TokenUsage(usage.promptTokens(), usage.completionTokens(), usage.totalTokens()),
                reply.model(),
                latency / 1_000_000,
                ttft / 1_000_000,
                reply.attempts(),
                Instant.now(),
                reply.fallbackFrom());
    }

    private ReplyBlocked blocked(MessageRequested request, Stage stage, Screening screening) {
        log.info("request {}: blocked on {} ({})", request.requestId(), stage.wire(), screening.policy());
        return new ReplyBlocked(
                request.requestId(),
                request.sessionId(),
                request.userId(),
                request.character().characterId(),
                stage.wire(),
                screening.policy(),
                screening.categories(),
                guard.refusal(request.character(), screening, request.requestId()),
                Instant.now());
    }

    /** {@code model}: the model whose call ended the request, null when none was called. */
    private static ReplyFailed failed(
            MessageRequested request, String reason, boolean retryable, @Nullable String model) {
        return new ReplyFailed(
                request.requestId(),
                request.sessionId(),
                request.userId(),
                request.character().characterId(),
                reason,
                FailureMessages.forReason(reason),
                retryable,
                Instant.now(),
                model);
    }

    /** Routes tokens to the chunk stream of the current attempt and opens a new one on a restart. */
    private final class Attempts implements StreamListener {

        private final MessageRequested request;
        private final ChunkStream.Screen screen;
        private ChunkStream current;
        private long firstTokenNanos = -1;

        Attempts(MessageRequested request, ChunkStream.Screen screen) {
            this.request = request;
            this.screen = screen;
            this.current = events.chunks(request, 1, screen);
        }

        @Override
        public void onToken(String text) {
            if (firstTokenNanos < 0) {
                firstTokenNanos = System.nanoTime();
            }
            current.append(text);
        }

        @Override
        public void onRestart(int attempt) {
            current.abandon();
            current = events.chunks(request, attempt, screen);
        }

        String finish() {
            return current.finish();
        }

        void abandon() {
            current.abandon();
        }
    }
}
