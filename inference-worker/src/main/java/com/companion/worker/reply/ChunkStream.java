package com.companion.worker.reply;

import com.companion.contracts.chat.MessageRequested;
import com.companion.contracts.chat.ReplyChunk;
import com.companion.worker.guard.Screening;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The chunks of one attempt of a reply. The first token leaves at once; tokens that follow within
 * the coalesce window of the last chunk are held and sent together when the window closes (by a
 * timer, so a pause in the stream never holds text back longer than the window). Chunks are numbered
 * from 0 and handed to the sender under a lock, so their order on the partition is their order here.
 *
 * <p>Before each chunk leaves, the end of the text so far is screened (the guard's rules look at
 * nearby words, and a bounded tail keeps each check cheap however long the reply grows; the whole
 * reply is screened once it is complete). Once it is blocked nothing more is sent and the next call
 * from the generating thread throws {@link BlockedWhileStreamingException}.
 */
final class ChunkStream {

    static final int SCREENED_TAIL_CHARS = 600;

    private final MessageRequested request;
    private final int attempt;
    private final Consumer<ReplyChunk> sender;
    private final Function<String, Screening> screen;
    private final ScheduledExecutorService timer;
    private final long windowNanos;
    private final int maxChars;

    private final ReentrantLock lock = new ReentrantLock();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder pending = new StringBuilder();
    private int seq;
    private long lastSentNanos;
    private boolean closed;
    private Screening blocked;
    private ScheduledFuture<?> scheduledFlush;

    ChunkStream(
            MessageRequested request,
            int attempt,
            Consumer<ReplyChunk> sender,
            Function<String, Screening> screen,
            ScheduledExecutorService timer,
            long windowNanos,
            int maxChars) {
        this.request = request;
        this.attempt = attempt;
        this.sender = sender;
        this.screen = screen;
        this.timer = timer;
        this.windowNanos = windowNanos;
        this.maxChars = maxChars;
    }

    void append(String token) {
        lock.lock();
        try {
            throwIfBlocked();
            if (closed) {
                return;
            }
            text.append(token);
            pending.append(token);
            long sinceLast = System.nanoTime() - lastSentNanos;
            if (seq == 0 || sinceLast >= windowNanos || pending.length() >= maxChars) {
                flush();
                throwIfBlocked();
            } else if (scheduledFlush == null) {
                scheduledFlush = timer.schedule(this::flushLater, windowNanos - sinceLast, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Sends what is held and closes the stream; returns the attempt's whole text, which its chunks add up to. */
    String finish() {
        lock.lock();
        try {
            cancelScheduledFlush();
            flush();
            throwIfBlocked();
            closed = true;
            return text.toString();
        } finally {
            lock.unlock();
        }
    }

    /** Drops what is held and sends nothing more. Safe to call more than once. */
    void abandon() {
        lock.lock();
        try {
            closed = true;
            cancelScheduledFlush();
            pending.setLength(0);
        } finally {
            lock.unlock();
        }
    }

    int attempt() {
        return attempt;
    }

    /** Sending may block briefly (a metadata refresh), so it runs on a virtual thread rather than the timer's. */
    private void flushLater() {
        Thread.ofVirtual().name("chunk-flush").start(() -> {
            lock.lock();
            try {
                scheduledFlush = null;
                if (!closed) {
                    flush();
                }
            } finally {
                lock.unlock();
            }
        });
    }

    private void flush() {
        if (pending.isEmpty() || blocked != null) {
            return;
        }
        Screening screening = screen.apply(tail());
        if (screening.blocked()) {
            blocked = screening;
            pending.setLength(0);
            cancelScheduledFlush();
            return;
        }
        sender.accept(new ReplyChunk(request.requestId(), request.sessionId(), attempt, seq++, pending.toString()));
        pending.setLength(0);
        lastSentNanos = System.nanoTime();
        cancelScheduledFlush();
    }

    private String tail() {
        int start = Math.max(0, text.length() - SCREENED_TAIL_CHARS);
        if (start > 0) {
            int space = text.indexOf(" ", start);
            start = space < 0 ? start : space + 1;
        }
        return text.substring(start);
    }

    private void cancelScheduledFlush() {
        if (scheduledFlush != null) {
            scheduledFlush.cancel(false);
            scheduledFlush = null;
        }
    }

    private void throwIfBlocked() {
        if (blocked != null) {
            throw new BlockedWhileStreamingException(blocked);
        }
    }
}
