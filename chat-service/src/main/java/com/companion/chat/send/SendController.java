package com.companion.chat.send;

import com.companion.chat.ChatProperties;
import com.companion.chat.access.AccessPolicy;
import com.companion.chat.branch.Branches;
import com.companion.chat.push.ReplyHub;
import com.companion.chat.push.ReplyListener;
import com.companion.chat.request.OutcomeView;
import com.companion.chat.request.RequestOutcome;
import com.companion.chat.request.RequestStatus;
import com.companion.chat.request.Requests;
import com.companion.chat.session.SessionRepository;
import com.companion.chat.session.StoredMessage;
import com.companion.contracts.chat.ReplyChunk;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.security.AuthenticatedUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class SendController {

    record SendMessage(@NotNull UUID sessionId, @NotNull String message) {}

    /** A request about a session's last reply: regenerate or continue it. */
    record Regenerate(@NotNull UUID sessionId) {}

    record EditMessage(@NotNull String content) {}

    record Pending(UUID requestId, RequestStatus status) {}

    private final SendService sends;
    private final Branches branches;
    private final ReplyHub hub;
    private final Requests requests;
    private final ChatProperties properties;
    private final ReplyRegistration registrations;
    private final AccessPolicy access;
    private final SessionRepository sessions;

    SendController(
            SendService sends,
            Branches branches,
            ReplyHub hub,
            Requests requests,
            ChatProperties properties,
            ReplyRegistration registrations,
            AccessPolicy access,
            SessionRepository sessions) {
        this.registrations = registrations;
        this.access = access;
        this.sessions = sessions;
        this.sends = sends;
        this.branches = branches;
        this.hub = hub;
        this.requests = requests;
        this.properties = properties;
    }

    @PostMapping("/chat/send")
    ResponseEntity<?> send(AuthenticatedUser user, @Valid @RequestBody SendMessage request)
            throws InterruptedException {
        return awaitReply(registered -> sends.send(user, request.sessionId(), request.message(), registered));
    }

    /** A new alternative of the last reply, answered like a send. */
    @PostMapping("/chat/regenerate")
    ResponseEntity<?> regenerate(AuthenticatedUser user, @Valid @RequestBody Regenerate request)
            throws InterruptedException {
        return awaitReply(registered -> sends.regenerate(user, request.sessionId(), registered));
    }

    /** The last reply extended by the model, answered like a send; {@code content} is the whole message. */
    @PostMapping("/chat/continue")
    ResponseEntity<?> continueReply(AuthenticatedUser user, @Valid @RequestBody Regenerate request)
            throws InterruptedException {
        return awaitReply(registered -> sends.continueReply(user, request.sessionId(), registered));
    }

    /** {@code POST /chat/continue} with {@code Accept: text/event-stream}: the new text streams as tokens. */
    @PostMapping(value = "/chat/continue", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter continueStream(AuthenticatedUser user, @Valid @RequestBody Regenerate request) {
        return stream(registered -> sends.continueReply(user, request.sessionId(), registered));
    }

    /**
     * A user message edited: a new branch and its reply, answered like a send. An assistant message
     * edited: changed in place, answered with the message.
     */
    @PutMapping("/sessions/{id}/messages/{messageId}")
    ResponseEntity<?> edit(
            AuthenticatedUser user,
            @PathVariable UUID id,
            @PathVariable UUID messageId,
            @Valid @RequestBody EditMessage request)
            throws InterruptedException {
        StoredMessage message = branches.message(user, id, messageId);
        if (!message.fromUser()) {
            return ResponseEntity.ok(branches.rewrite(user, message, request.content()));
        }
        return awaitReply(registered -> sends.edit(user, id, message, request.content(), registered));
    }

    private ResponseEntity<?> awaitReply(Function<Consumer<SendService.Accepted>, SendService.Accepted> submit)
            throws InterruptedException {
        ReplyRegistration.Registered registered = registrations.submit(submit, null);
        SendService.Accepted accepted = registered.accepted();
        try {
            RequestOutcome outcome =
                    registered.outcome().get(properties.sendWait().toMillis(), TimeUnit.MILLISECONDS);
            return answer(outcome);
        } catch (TimeoutException e) {
            return ResponseEntity.accepted().body(new Pending(accepted.requestId(), RequestStatus.PENDING));
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @PostMapping(value = "/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(AuthenticatedUser user, @Valid @RequestBody SendMessage request) {
        return stream(registered -> sends.send(user, request.sessionId(), request.message(), registered));
    }

    /** {@code POST /chat/regenerate} with {@code Accept: text/event-stream}: streamed like {@code /chat/stream}. */
    @PostMapping(value = "/chat/regenerate", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter regenerateStream(AuthenticatedUser user, @Valid @RequestBody Regenerate request) {
        return stream(registered -> sends.regenerate(user, request.sessionId(), registered));
    }

    private SseEmitter stream(Function<Consumer<SendService.Accepted>, SendService.Accepted> submit) {
        SseEmitter emitter = new SseEmitter(properties.sendWait().toMillis());
        ReplyListener listener = new ReplyListener() {
            @Override
            public void chunk(ReplyChunk chunk) {
                send(
                        emitter,
                        "token",
                        Map.of(
                                "request_id",
                                chunk.requestId(),
                                "attempt",
                                chunk.attempt(),
                                "seq",
                                chunk.seq(),
                                "text",
                                chunk.text()));
            }

            @Override
            public void finished(RequestOutcome outcome) {
                if (outcome.status() == RequestStatus.FAILED) {
                    send(emitter, "error", OutcomeView.error(outcome));
                } else {
                    send(emitter, "done", OutcomeView.done(outcome));
                }
                emitter.complete();
            }
        };
        SendService.Accepted accepted = registrations.submit(submit, listener).accepted();
        emitter.onTimeout(() -> {
            hub.forget(accepted.requestId(), listener);
            send(
                    emitter,
                    "error",
                    Map.of(
                            "request_id",
                            accepted.requestId(),
                            "code",
                            "still_pending",
                            "message",
                            "The reply is taking longer than usual; fetch it later with the request id."));
            emitter.complete();
        });
        emitter.onCompletion(() -> hub.forget(accepted.requestId(), listener));
        return emitter;
    }

    @GetMapping("/chat/requests/{id}")
    ResponseEntity<?> request(AuthenticatedUser user, @PathVariable UUID id) {
        RequestOutcome outcome = requests.outcome(id)
                .filter(o -> o.userId().equals(user.userId()))
                .orElseThrow(() -> ApiProblem.notFound("request"));
        // A session only adults may see (the caller corrected their age) hides its requests too.
        boolean adult = access.caller(user).adult();
        if (!adult && sessions.owned(outcome.sessionId(), user.userId(), false).isEmpty()) {
            throw ApiProblem.notFound("request");
        }
        return ResponseEntity.ok(OutcomeView.status(outcome));
    }

    private static ResponseEntity<?> answer(RequestOutcome outcome) {
        if (RequestOutcome.SESSION_DELETED.equals(outcome.errorCode())) {
            throw ApiProblem.notFound("session");
        }
        if (outcome.status() == RequestStatus.FAILED) {
            ApiProblem problem = new ApiProblem(
                    HttpStatus.BAD_GATEWAY,
                    "reply-failed",
                    "Reply Failed",
                    outcome.errorMessage(),
                    Map.of("code", outcome.errorCode(), "request_id", outcome.requestId()));
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem.toProblemDetail());
        }
        return ResponseEntity.ok(OutcomeView.done(outcome));
    }

    private static void send(SseEmitter emitter, String event, Object data) {
        try {
            emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
        }
    }
}
