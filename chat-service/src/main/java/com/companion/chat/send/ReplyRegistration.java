package com.companion.chat.send;

import com.companion.chat.push.ReplyHub;
import com.companion.chat.push.ReplyListener;
import com.companion.chat.request.RequestOutcome;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Submits a request with its reply registered at {@link ReplyHub} before it is published (so no chunk can be
 * missed), and drops the registration again when the submission is refused after registering (a request in
 * flight, a quota): one place for HTTP, SSE and WebSocket sends.
 */
@Component
public class ReplyRegistration {

    /** The accepted request and the outcome it will have. */
    public record Registered(SendService.Accepted accepted, CompletableFuture<RequestOutcome> outcome) {}

    private final ReplyHub hub;

    ReplyRegistration(ReplyHub hub) {
        this.hub = hub;
    }

    /**
     * @param submit a send path given the callback it runs with the request id before publishing
     * @param listener told of chunks and the outcome; null when only the outcome (or the session's sockets) matter
     */
    public Registered submit(
            Function<Consumer<SendService.Accepted>, SendService.Accepted> submit, ReplyListener listener) {
        AtomicReference<UUID> registered = new AtomicReference<>();
        AtomicReference<CompletableFuture<RequestOutcome>> outcome = new AtomicReference<>();
        try {
            SendService.Accepted accepted = submit.apply(a -> {
                registered.set(a.requestId());
                outcome.set(hub.expect(a.requestId(), a.sessionId(), listener));
            });
            return new Registered(accepted, outcome.get());
        } catch (RuntimeException e) {
            if (registered.get() != null) {
                hub.cancel(registered.get());
            }
            throw e;
        }
    }
}
