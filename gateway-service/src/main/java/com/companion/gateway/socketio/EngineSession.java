package com.companion.gateway.socketio;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One Engine.IO session: the packets waiting for the client, the transport that carries them
 * (HTTP long-polling, then perhaps a WebSocket after the upgrade, or a WebSocket from the start),
 * and the heartbeat. Packets are delivered in order, once: a waiting {@code GET} is answered with
 * everything queued, a WebSocket gets one frame per packet. The queue is bounded, and so is the
 * time a client may take to answer a ping; past either, the session ends. Listener calls are made
 * outside the session's lock.
 */
final class EngineSession {

    private static final Logger log = LoggerFactory.getLogger(EngineSession.class);

    interface Listener {
        void onMessage(String data);

        void onClose();
    }

    enum Transport {
        POLLING,
        WEBSOCKET
    }

    private static final String CLOSE = EnginePacket.of(EnginePacket.Type.CLOSE).encode();
    private static final String NOOP = EnginePacket.of(EnginePacket.Type.NOOP).encode();

    private final String id;
    private final String clientAddress;
    private final SocketIoProperties properties;
    private final Consumer<EngineSession> onEnd;
    private final Disposable.Swap timer = Disposables.swap();
    /** Held while a timer is put in place; a timer's task takes it first, so it never runs before its own swap. */
    private final Object timerLock = new Object();

    private volatile Listener listener;

    private Transport transport;
    private final ArrayDeque<String> outbox = new ArrayDeque<>();
    private Sinks.One<String> waitingPoll;
    private Sinks.Many<String> socket;
    private boolean posting;
    private boolean upgrading;
    private boolean awaitingPong;
    private boolean ending;
    private boolean ended;

    EngineSession(
            String id,
            String clientAddress,
            Transport transport,
            SocketIoProperties properties,
            Consumer<EngineSession> onEnd) {
        this.id = id;
        this.clientAddress = clientAddress;
        this.transport = transport;
        this.properties = properties;
        this.onEnd = onEnd;
    }

    String id() {
        return id;
    }

    String clientAddress() {
        return clientAddress;
    }

    void listen(Listener listener) {
        this.listener = listener;
    }

    synchronized Transport transport() {
        return transport;
    }

    synchronized boolean ended() {
        return ended;
    }

    void startHeartbeat() {
        schedule(properties.pingInterval(), this::ping);
    }

    /** A direct WebSocket session: the socket carries everything from the open packet on. */
    synchronized void attachSocket(Sinks.Many<String> out) {
        socket = out;
    }

    void send(EnginePacket packet) {
        boolean overflow = false;
        synchronized (this) {
            if (ended || ending) {
                return;
            }
            if (socket != null) {
                overflow = socket.tryEmitNext(packet.encode()).isFailure();
            } else {
                outbox.add(packet.encode());
                overflow = outbox.size() > properties.maxBufferedPackets();
                answerWaitingPoll();
            }
        }
        if (overflow) {
            log.info("closing Socket.IO session {}: the client does not keep up", id);
            terminate();
        }
    }

    /** A polling {@code GET}: what is queued now, or the next packets when they come. */
    Mono<String> poll() {
        Sinks.One<String> sink;
        boolean finish = false;
        String answer = null;
        synchronized (this) {
            if (ended || transport != Transport.POLLING) {
                return Mono.error(new ProtocolException("the session does not poll"));
            }
            if (waitingPoll != null) {
                answer = "";
            } else if (!outbox.isEmpty()) {
                answer = drain(ending);
                finish = ending;
            } else if (ending) {
                answer = CLOSE;
                finish = true;
            } else if (upgrading) {
                answer = NOOP;
            }
            if (answer == null) {
                sink = Sinks.one();
                waitingPoll = sink;
            } else {
                sink = null;
            }
        }
        if (answer != null && answer.isEmpty()) {
            terminate();
            return Mono.error(new ProtocolException("overlapping polling requests"));
        }
        if (answer != null) {
            if (finish) {
                terminate();
            }
            return Mono.just(answer);
        }
        return sink.asMono().doOnCancel(() -> {
            synchronized (this) {
                if (waitingPoll == sink) {
                    waitingPoll = null;
                }
            }
        });
    }

    /** A polling {@code POST}: the packets of its body, in order. */
    void post(String body) {
        boolean overlapping;
        synchronized (this) {
            if (ended || transport != Transport.POLLING) {
                throw new ProtocolException("the session does not poll");
            }
            overlapping = posting;
            posting = true;
        }
        if (overlapping) {
            terminate();
            throw new ProtocolException("overlapping polling requests");
        }
        try {
            for (EnginePacket packet : EnginePacket.decodePayload(body)) {
                receive(packet);
            }
        } finally {
            synchronized (this) {
                posting = false;
            }
        }
    }

    /** A packet from the client, whichever transport carried it. */
    void receive(EnginePacket packet) {
        switch (packet.type()) {
            case PONG -> {
                synchronized (this) {
                    awaitingPong = false;
                }
            }
            case MESSAGE -> {
                Listener current = listener;
                if (current != null) {
                    current.onMessage(packet.data());
                }
            }
            case CLOSE -> terminate();
            case NOOP -> {}
            default -> throw new ProtocolException("unexpected " + packet.type() + " packet");
        }
    }

    /** A WebSocket answered the probe: from now on the polling {@code GET} is answered at once. */
    synchronized boolean beginUpgrade() {
        if (ended || ending || transport != Transport.POLLING || upgrading) {
            return false;
        }
        upgrading = true;
        if (waitingPoll != null) {
            Sinks.One<String> sink = waitingPoll;
            waitingPoll = null;
            sink.tryEmitValue(NOOP);
        }
        return true;
    }

    /** The client sent {@code upgrade} on the probed WebSocket: it carries everything from now on. */
    synchronized boolean completeUpgrade(Sinks.Many<String> out) {
        if (ended || !upgrading) {
            return false;
        }
        upgrading = false;
        transport = Transport.WEBSOCKET;
        socket = out;
        if (waitingPoll != null) {
            waitingPoll.tryEmitValue(NOOP);
            waitingPoll = null;
        }
        while (!outbox.isEmpty()) {
            out.tryEmitNext(outbox.poll());
        }
        if (ending) {
            out.tryEmitComplete();
        }
        return true;
    }

    synchronized void abortUpgrade() {
        if (transport == Transport.POLLING) {
            upgrading = false;
        }
    }

    /** The WebSocket that carried the session closed. */
    void socketClosed(Sinks.Many<String> out) {
        boolean current;
        synchronized (this) {
            current = socket == out;
        }
        if (current) {
            terminate();
        }
    }

    /**
     * Ends the session once the client has what is queued: a WebSocket closes after its last
     * frame; a polling client gets the rest and a {@code close} packet with its next {@code GET}
     * (or the session is dropped after the ping timeout if none comes).
     */
    void end() {
        boolean now = false;
        synchronized (this) {
            if (ended || ending) {
                return;
            }
            ending = true;
            if (socket != null) {
                socket.tryEmitComplete();
            } else if (waitingPoll != null) {
                Sinks.One<String> sink = waitingPoll;
                waitingPoll = null;
                sink.tryEmitValue(drain(true));
                now = true;
            }
        }
        if (now) {
            terminate();
        } else {
            schedule(properties.pingTimeout(), this::terminate);
        }
    }

    /** Ends the session at once. */
    void terminate() {
        Sinks.One<String> poll;
        Sinks.Many<String> out;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            poll = waitingPoll;
            waitingPoll = null;
            out = socket;
            outbox.clear();
        }
        if (poll != null) {
            poll.tryEmitValue(CLOSE);
        }
        if (out != null) {
            out.tryEmitComplete();
        }
        timer.dispose();
        onEnd.accept(this);
        Listener current = listener;
        if (current != null) {
            current.onClose();
        }
    }

    private void ping() {
        synchronized (this) {
            if (ended || ending) {
                return;
            }
            awaitingPong = true;
        }
        send(EnginePacket.of(EnginePacket.Type.PING));
        schedule(properties.pingTimeout(), () -> {
            boolean answered;
            synchronized (this) {
                answered = !awaitingPong;
            }
            if (!answered) {
                log.debug("closing Socket.IO session {}: no pong", id);
                terminate();
                return;
            }
            Duration rest = properties.pingInterval().minus(properties.pingTimeout());
            schedule(rest.isNegative() ? Duration.ZERO : rest, this::ping);
        });
    }

    /**
     * Replaces the pending timer with {@code task} after {@code delay}. A task that schedules the next one (the ping
     * after a short or zero rest) could otherwise run before its own timer was swapped in, and that late swap would
     * then cancel the timer the task had just set, ending the heartbeat.
     */
    private void schedule(Duration delay, Runnable task) {
        synchronized (timerLock) {
            if (!timer.isDisposed()) {
                timer.update(Mono.delay(delay).subscribe(tick -> {
                    synchronized (timerLock) {
                        // the swap above is done
                    }
                    task.run();
                }));
            }
        }
    }

    private void answerWaitingPoll() {
        if (waitingPoll != null && !outbox.isEmpty()) {
            Sinks.One<String> sink = waitingPoll;
            waitingPoll = null;
            sink.tryEmitValue(drain(false));
        }
    }

    private String drain(boolean closing) {
        List<String> packets = new ArrayList<>(outbox);
        outbox.clear();
        if (closing) {
            packets.add(CLOSE);
        }
        return String.join(String.valueOf(EnginePacket.SEPARATOR), packets);
    }
}
