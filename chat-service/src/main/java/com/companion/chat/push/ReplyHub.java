package com.companion.chat.push;

import com.companion.chat.request.RequestOutcome;
import com.companion.chat.request.Requests;
import com.companion.contracts.chat.ReplyChunk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This instance's switchboard: it hears every reply chunk (a consumer of its own) and every
 * finished request (a PostgreSQL notification), and hands them to whoever here waits for them —
 * a blocked {@code POST /chat/send}, an SSE stream, or the sockets that joined the session.
 * It also keeps the chunks of requests still streaming, so a socket that joins mid-reply is
 * sent what it missed.
 */
@Component
public class ReplyHub {

    private static final Logger log = LoggerFactory.getLogger(ReplyHub.class);
    private static final Duration REPLAY_RETENTION = Duration.ofMinutes(5);

    private final Requests requests;
    private final Map<UUID, InFlight> inFlight = new ConcurrentHashMap<>();
    private final Map<UUID, Set<ReplyListener>> sessionListeners = new ConcurrentHashMap<>();

    public ReplyHub(Requests requests) {
        this.requests = requests;
    }

    /** Chunks and the outcome of one request: kept while someone may still want them. */
    private static final class InFlight {
        final UUID sessionId;
        final long startedAt = System.nanoTime();
        final CompletableFuture<RequestOutcome> outcome = new CompletableFuture<>();
        final List<ReplyListener> listeners = new CopyOnWriteArrayList<>();
        final List<ReplyChunk> chunks = new ArrayList<>();

        InFlight(UUID sessionId) {
            this.sessionId = sessionId;
        }
    }

    /** Registers interest in a request before it is published, so no chunk can be missed. */
    public CompletableFuture<RequestOutcome> expect(UUID requestId, UUID sessionId, ReplyListener listener) {
        InFlight flight = inFlight.computeIfAbsent(requestId, id -> new InFlight(sessionId));
        if (listener != null) {
            flight.listeners.add(listener);
        }
        return flight.outcome;
    }

    public void join(UUID sessionId, ReplyListener socket) {
        sessionListeners
                .computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet())
                .add(socket);
    }

    public void leave(UUID sessionId, ReplyListener socket) {
        sessionListeners.computeIfPresent(sessionId, (id, set) -> {
            set.remove(socket);
            return set.isEmpty() ? null : set;
        });
    }

    /** Chunks of a request still streaming, for a socket that joined late. */
    public List<ReplyChunk> chunksSoFar(UUID requestId) {
        InFlight flight = inFlight.get(requestId);
        if (flight == null) {
            return List.of();
        }
        synchronized (flight.chunks) {
            return List.copyOf(flight.chunks);
        }
    }

    void onChunk(ReplyChunk chunk) {
        Set<ReplyListener> sockets = sessionListeners.get(chunk.sessionId());
        InFlight flight = sockets == null
                ? inFlight.get(chunk.requestId())
                : inFlight.computeIfAbsent(chunk.requestId(), id -> new InFlight(chunk.sessionId()));
        if (flight != null) {
            if (flight.outcome.isDone()) {
                return;
            }
            synchronized (flight.chunks) {
                // A restarted generation (a new attempt, or a request redone by another worker) starts at seq 0.
                if (!flight.chunks.isEmpty()
                        && (chunk.seq() == 0 || flight.chunks.getLast().attempt() < chunk.attempt())) {
                    flight.chunks.clear();
                }
                flight.chunks.add(chunk);
            }
            flight.listeners.forEach(listener -> deliver(() -> listener.chunk(chunk)));
        }
        if (sockets != null) {
            sockets.forEach(socket -> {
                if (flight == null || !flight.listeners.contains(socket)) {
                    deliver(() -> socket.chunk(chunk));
                }
            });
        }
    }

    /** A request finished somewhere (this or another instance): tell whoever here cares. */
    void onFinished(UUID requestId) {
        InFlight flight = inFlight.remove(requestId);
        Set<ReplyListener> sockets = flight == null ? null : sessionListeners.get(flight.sessionId);
        if (flight == null) {
            // Nobody here registered for it; sockets of the session may still be here.
            requests.outcome(requestId).ifPresent(outcome -> {
                Set<ReplyListener> joined = sessionListeners.get(outcome.sessionId());
                if (joined != null) {
                    joined.forEach(socket -> deliver(() -> socket.finished(outcome)));
                }
            });
            return;
        }
        requests.outcome(requestId).ifPresent(outcome -> {
            flight.outcome.complete(outcome);
            flight.listeners.forEach(listener -> deliver(() -> listener.finished(outcome)));
            if (sockets != null) {
                sockets.stream()
                        .filter(socket -> !flight.listeners.contains(socket))
                        .forEach(socket -> deliver(() -> socket.finished(outcome)));
            }
        });
    }

    /**
     * The safety net under notifications: a notification lost while the listening connection was
     * being re-established must not leave anyone waiting, so unfinished requests are re-read now
     * and then; it also forgets chunks of requests nobody waits for any more.
     */
    @Scheduled(fixedDelayString = "${chat.hub-sweep-interval:2s}")
    void sweep() {
        long now = System.nanoTime();
        for (Map.Entry<UUID, InFlight> entry : inFlight.entrySet()) {
            InFlight flight = entry.getValue();
            boolean waitedFor = !flight.listeners.isEmpty() || flight.outcome.getNumberOfDependents() > 0;
            if (!waitedFor && Duration.ofNanos(now - flight.startedAt).compareTo(REPLAY_RETENTION) > 0) {
                inFlight.remove(entry.getKey());
                continue;
            }
            if (Duration.ofNanos(now - flight.startedAt).toSeconds() >= 2) {
                requests.outcome(entry.getKey())
                        .filter(RequestOutcome::finished)
                        .ifPresent(outcome -> onFinished(entry.getKey()));
            }
        }
    }

    /** Drops a registration whose request was never accepted. */
    public void cancel(UUID requestId) {
        inFlight.remove(requestId);
    }

    public void forget(UUID requestId, ReplyListener listener) {
        InFlight flight = inFlight.get(requestId);
        if (flight != null) {
            flight.listeners.remove(listener);
        }
    }

    private static void deliver(Runnable delivery) {
        try {
            delivery.run();
        } catch (RuntimeException e) {
            log.debug("a listener failed to take a reply event: {}", e.toString());
        }
    }
}
