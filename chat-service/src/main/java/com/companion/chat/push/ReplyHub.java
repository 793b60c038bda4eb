package com.companion.chat.push;

import com.companion.chat.ChatProperties;
import com.companion.chat.request.RequestNotice;
import com.companion.chat.request.RequestOutcome;
import com.companion.chat.request.Requests;
import com.companion.chat.session.SessionDeleted;
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
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This instance's switchboard: it hears every reply chunk (a consumer of its own) and every
 * request notice (a PostgreSQL notification), and hands them to whoever here waits for them — a
 * blocked {@code POST /chat/send}, an SSE stream, or the sockets that joined the session. It also
 * keeps the chunks of requests still streaming, so a socket that joins mid-reply is sent what it
 * missed.
 *
 * <p>A reply is finished when it is stored; its ad decision comes from ad-service on its own. When
 * the decision is not in yet, the finish is held back so that it carries the decision: for at most
 * {@code chat.ad-wait-max} while ad-service keeps up, and for only {@code chat.ad-wait} once a
 * decision has failed to come in time (until one comes in time again). Past the wait the reply goes
 * out with {@code ad_pending} and the decision follows to the session's sockets when it arrives. A
 * stopped or lagging ad-service thus delays one reply by {@code ad-wait-max} and the ones after it by
 * {@code ad-wait}, never more; a healthy but busy one still has its decision on every reply.
 */
@Component
public class ReplyHub {

    private static final Logger log = LoggerFactory.getLogger(ReplyHub.class);
    private static final Duration REPLAY_RETENTION = Duration.ofMinutes(5);
    /** How long a delivered request is remembered: repeated notices are ignored, a late decision still goes out. */
    private static final Duration DELIVERED_RETENTION = Duration.ofMinutes(2);

    private final Requests requests;
    private final Duration adWait;
    private final Duration adWaitMax;
    private final Duration safetyNetAge;
    /** How old a request this instance waits for must be before its absence means its session was deleted. */
    private final Duration goneAfter;
    /** A decision failed to come within the wait: ad-service is behind, so replies wait only {@link #adWait}. */
    private volatile boolean adServiceBehind;

    private final Map<UUID, InFlight> inFlight = new ConcurrentHashMap<>();
    private final Map<UUID, Set<ReplyListener>> sessionListeners = new ConcurrentHashMap<>();
    /** How many of {@link #inFlight}'s requests each session has: the chunk feed skips the sessions without any. */
    private final Map<UUID, Integer> flightsPerSession = new ConcurrentHashMap<>();

    /**
     * Where a finish held back for its ad decision is delivered when the wait is over (it reads the request): a
     * virtual thread each, not the common pool, which has one thread on a 2-core machine and would queue them.
     */
    private static final Executor AFTER_AD_WAIT = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("ad-wait-", 0).factory());

    @Autowired
    public ReplyHub(Requests requests, ChatProperties properties) {
        this(requests, properties.adWait(), properties.adWaitMax(), Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    ReplyHub(Requests requests, Duration adWait, Duration adWaitMax, Duration safetyNetAge, Duration goneAfter) {
        this.requests = requests;
        this.goneAfter = goneAfter;
        this.adWait = adWait;
        this.adWaitMax = adWaitMax.compareTo(adWait) < 0 ? adWait : adWaitMax;
        this.safetyNetAge = safetyNetAge;
    }

    /** Chunks and the outcome of one request: kept while someone may still want them. */
    private static final class InFlight {
        final UUID requestId;
        final UUID sessionId;
        final long startedAt = System.nanoTime();
        final CompletableFuture<RequestOutcome> outcome = new CompletableFuture<>();
        final List<ReplyListener> listeners = new CopyOnWriteArrayList<>();
        final List<ReplyChunk> chunks = new ArrayList<>();
        final AtomicBoolean holding = new AtomicBoolean();
        final AtomicBoolean delivered = new AtomicBoolean();
        /** Delivered without its ad decision: the decision goes to the sockets when it comes. */
        final AtomicBoolean awaitingDecision = new AtomicBoolean();

        volatile long deliveredAt;

        InFlight(UUID requestId, UUID sessionId) {
            this.requestId = requestId;
            this.sessionId = sessionId;
        }

        boolean olderThan(Duration age, long now) {
            return Duration.ofNanos(now - startedAt).compareTo(age) > 0;
        }
    }

    /** Registers interest in a request before it is published, so no chunk can be missed. */
    public CompletableFuture<RequestOutcome> expect(UUID requestId, UUID sessionId, ReplyListener listener) {
        InFlight flight = inFlight.computeIfAbsent(requestId, id -> newFlight(id, sessionId));
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

    /**
     * Whether a chunk of this session can matter here: a socket of the session is joined, or one of its requests is
     * tracked. Every instance reads every chunk; the others are skipped before they are decoded (what
     * {@link #onChunk} would drop anyway), so adding instances does not multiply the decoding.
     */
    public boolean wantsChunksOf(UUID sessionId) {
        return sessionListeners.containsKey(sessionId) || flightsPerSession.containsKey(sessionId);
    }

    private InFlight newFlight(UUID requestId, UUID sessionId) {
        flightsPerSession.merge(sessionId, 1, Integer::sum);
        return new InFlight(requestId, sessionId);
    }

    private void dropFlight(UUID requestId) {
        InFlight dropped = inFlight.remove(requestId);
        if (dropped != null) {
            flightsPerSession.computeIfPresent(dropped.sessionId, (id, n) -> n > 1 ? n - 1 : null);
        }
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
                : inFlight.computeIfAbsent(chunk.requestId(), id -> newFlight(id, chunk.sessionId()));
        if (flight != null) {
            if (flight.delivered.get() || flight.holding.get()) {
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

    void onNotice(RequestNotice notice) {
        switch (notice.kind()) {
            case FINISHED -> onFinished(notice.requestId());
            case AD_DECIDED -> onAdDecided(notice.requestId());
        }
    }

    /** A request finished somewhere (this or another instance): tell whoever here cares. */
    private void onFinished(UUID requestId) {
        RequestOutcome outcome = requests.outcome(requestId).orElse(null);
        if (outcome == null || !outcome.finished()) {
            return;
        }
        InFlight flight = inFlight.get(requestId);
        if (flight == null) {
            if (!sessionListeners.containsKey(outcome.sessionId())) {
                return;
            }
            flight = inFlight.computeIfAbsent(requestId, id -> newFlight(id, outcome.sessionId()));
        }
        if (!outcome.adPending() || adWaitMax.isZero()) {
            if (!outcome.adPending()) {
                adServiceBehind = false;
            }
            deliverFinished(flight, outcome);
        } else if (flight.holding.compareAndSet(false, true)) {
            InFlight held = flight;
            Duration wait = adServiceBehind ? adWait : adWaitMax;
            CompletableFuture.runAsync(
                    () -> {
                        if (!held.delivered.get()) {
                            adServiceBehind = true;
                        }
                        deliverFinished(held, null);
                    },
                    CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS, AFTER_AD_WAIT));
        }
    }

    /** The decision came after the reply: it completes a finish held back for it, or goes out on its own. */
    private void onAdDecided(UUID requestId) {
        InFlight flight = inFlight.get(requestId);
        if (flight == null) {
            return;
        }
        if (!flight.delivered.get()) {
            if (flight.holding.get()) {
                adServiceBehind = false;
                deliverFinished(flight, null);
            }
            return;
        }
        // A decision, even a late one, shows ad-service is answering again: the next reply waits for its own.
        adServiceBehind = false;
        if (!flight.awaitingDecision.compareAndSet(true, false)) {
            return;
        }
        requests.outcome(requestId).filter(o -> !o.adPending()).ifPresent(outcome -> {
            Set<ReplyListener> sockets = sessionListeners.get(outcome.sessionId());
            if (sockets != null) {
                sockets.forEach(socket -> deliver(() -> socket.adDecided(outcome)));
            }
        });
    }

    /** Delivers a finish once; {@code known} null means read it now (a held-back finish picks up its decision). */
    private void deliverFinished(InFlight flight, RequestOutcome known) {
        if (!flight.delivered.compareAndSet(false, true)) {
            return;
        }
        flight.deliveredAt = System.nanoTime();
        synchronized (flight.chunks) {
            flight.chunks.clear();
        }
        RequestOutcome outcome =
                known != null ? known : requests.outcome(flight.requestId).orElse(null);
        if (outcome == null) {
            return;
        }
        flight.awaitingDecision.set(outcome.adPending());
        List<ReplyListener> own = List.copyOf(flight.listeners);
        flight.listeners.clear();
        flight.outcome.complete(outcome);
        own.forEach(listener -> deliver(() -> listener.finished(outcome)));
        Set<ReplyListener> sockets = sessionListeners.get(outcome.sessionId());
        if (sockets != null) {
            sockets.stream()
                    .filter(socket -> !own.contains(socket))
                    .forEach(socket -> deliver(() -> socket.finished(outcome)));
        }
    }

    /**
     * The safety net under notifications: a notification lost while the listening connection was
     * being re-established must not leave anyone waiting, so requests older than two seconds that
     * are still waited for here are checked with one query; it also forgets chunks of requests
     * nobody waits for any more and requests delivered a while ago.
     */
    @Scheduled(fixedDelayString = "${chat.hub-sweep-interval:2s}")
    void sweep() {
        long now = System.nanoTime();
        List<UUID> overdue = new ArrayList<>();
        for (Map.Entry<UUID, InFlight> entry : inFlight.entrySet()) {
            InFlight flight = entry.getValue();
            if (flight.delivered.get()) {
                if (Duration.ofNanos(now - flight.deliveredAt).compareTo(DELIVERED_RETENTION) > 0) {
                    dropFlight(entry.getKey());
                }
                continue;
            }
            boolean waitedFor = !flight.listeners.isEmpty() || flight.outcome.getNumberOfDependents() > 0;
            if (!waitedFor && flight.olderThan(REPLAY_RETENTION, now)) {
                dropFlight(entry.getKey());
            } else if (!flight.holding.get() && flight.olderThan(safetyNetAge, now)) {
                overdue.add(entry.getKey());
            }
        }
        Map<UUID, Boolean> finished = requests.finishedAmong(overdue);
        for (UUID id : overdue) {
            Boolean done = finished.get(id);
            InFlight flight = inFlight.get(id);
            if (Boolean.TRUE.equals(done)) {
                onFinished(id);
            } else if (done == null && flight != null && flight.olderThan(goneAfter, now)) {
                // Deleted with its session on another instance: its waiters here hear so instead of waiting out their
                // timeout. Only well past the safety net's age, so a request whose transaction is slow to commit is
                // never taken for gone.
                gone(id);
            }
        }
    }

    /**
     * The session was deleted (here): its requests went with it, and whoever waits for one of them hears at once that
     * it failed with {@link RequestOutcome#SESSION_DELETED}.
     */
    @EventListener
    void on(SessionDeleted deleted) {
        inFlight.values().stream()
                .filter(flight -> flight.sessionId.equals(deleted.sessionId()) && !flight.delivered.get())
                .map(flight -> flight.requestId)
                .toList()
                .forEach(this::gone);
    }

    private void gone(UUID requestId) {
        InFlight flight = inFlight.get(requestId);
        if (flight != null) {
            deliverFinished(flight, RequestOutcome.sessionDeleted(requestId, flight.sessionId));
        }
    }

    /** Drops a registration whose request was never accepted. */
    public void cancel(UUID requestId) {
        dropFlight(requestId);
    }

    public void forget(UUID requestId, ReplyListener listener) {
        InFlight flight = inFlight.get(requestId);
        if (flight != null) {
            flight.listeners.remove(listener);
        }
    }

    /** Whether replies wait only the short {@code ad-wait} because a decision missed its wait. */
    boolean adServiceBehind() {
        return adServiceBehind;
    }

    /** How many requests this instance still delivers for. */
    int tracked() {
        return (int) inFlight.values().stream().filter(f -> !f.delivered.get()).count();
    }

    private static void deliver(Runnable delivery) {
        try {
            delivery.run();
        } catch (RuntimeException e) {
            log.debug("a listener failed to take a reply event: {}", e.toString());
        }
    }
}
