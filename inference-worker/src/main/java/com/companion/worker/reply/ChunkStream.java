package com.companion.worker.reply;

import com.companion.contracts.chat.MessageRequested;
import com.companion.contracts.chat.ReplyChunk;
import com.companion.worker.guard.Screening;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The chunks of one attempt of a reply. The first token leaves at once; tokens that follow within
 * the coalesce window of the last chunk are held and sent together when the window closes (by a
 * timer, so a pause in the stream never holds text back longer than the window). Chunks are numbered
 * from 0 and handed to the sender under a lock, so their order on the partition is their order here.
 *
 * <p>The text is screened while it streams, once per sentence: when a token completes a sentence
 * ({@code . ! ? …} followed by a space, or a line break), or when {@code screenAfterChars} have come
 * without one, the screen judges a window of the last two such segments. Each check is therefore
 * bounded by the segment length, and a reply costs about one check per sentence however long it
 * grows; the whole reply is screened once it is complete, by the caller. The check runs on the
 * generating thread inside {@link #append}: once a window is blocked nothing more is sent and the
 * call throws {@link BlockedWhileStreamingException}, which ends the generation there and then (the
 * LLM client abandons the stream). Text of the offending sentence that had already left in earlier
 * chunks is retracted by the {@code ReplyBlocked} outcome.
 */
final class ChunkStream {

    /** Judges a window of the reply; {@code opensReply} when the window starts at the reply's first character. */
    @FunctionalInterface
    interface Screen {
        Screening apply(String window, boolean opensReply);
    }

    private final MessageRequested request;
    private final int attempt;
    private final Consumer<ReplyChunk> sender;
    private final Screen screen;
    private final ScheduledExecutorService timer;
    private final long windowNanos;
    private final int maxChars;
    private final int screenAfterChars;

    private final ReentrantLock lock = new ReentrantLock();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder pending = new StringBuilder();
    private int screenedTo;
    private int windowStart;
    private int seq;
    private long lastSentNanos;
    private boolean closed;
    private Screening blocked;
    private ScheduledFuture<?> scheduledFlush;

    ChunkStream(
            MessageRequested request,
            int attempt,
            Consumer<ReplyChunk> sender,
            Screen screen,
            ScheduledExecutorService timer,
            long windowNanos,
            int maxChars,
            int screenAfterChars) {
        this.request = request;
        this.attempt = attempt;
        this.sender = sender;
        this.screen = screen;
        this.timer = timer;
        this.windowNanos = windowNanos;
        this.maxChars = maxChars;
        this.screenAfterChars = screenAfterChars;
    }

    void append(String token) {
        lock.lock();
        try {
            throwIfBlocked();
            if (closed) {
                return;
            }
            int from = text.length();
            text.append(token);
            pending.append(token);
            int end = segmentEnd(from);
            if (end > screenedTo) {
                screen(end);
                throwIfBlocked();
            }
            long sinceLast = System.nanoTime() - lastSentNanos;
            if (seq == 0 || sinceLast >= windowNanos || pending.length() >= maxChars) {
                flush();
            } else if (scheduledFlush == null) {
                scheduledFlush = timer.schedule(this::flushLater, windowNanos - sinceLast, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Screens the last unscreened words, sends what is held and closes the stream; returns the attempt's
     * whole text, which its chunks add up to.
     */
    String finish() {
        lock.lock();
        try {
            throwIfBlocked();
            if (text.length() > screenedTo) {
                screen(text.length());
                throwIfBlocked();
            }
            cancelScheduledFlush();
            flush();
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
        sender.accept(new ReplyChunk(request.requestId(), request.sessionId(), attempt, seq++, pending.toString()));
        pending.setLength(0);
        lastSentNanos = System.nanoTime();
        cancelScheduledFlush();
    }

    /**
     * Where the segment that the text from {@code from} on completes ends: after the last sentence end
     * in the new text, else (once {@code screenAfterChars} have come without one) after the last space,
     * else at the end; -1 while the segment is still open.
     */
    private int segmentEnd(int from) {
        for (int i = text.length() - 1; i >= Math.max(from, screenedTo); i--) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i + 1;
            }
            if (Character.isWhitespace(c) && endsSentence(i)) {
                return i;
            }
        }
        if (text.length() - screenedTo < screenAfterChars) {
            return -1;
        }
        for (int i = text.length() - 1; i > screenedTo; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return text.length();
    }

    /** Whether the text before position {@code i} ends a sentence, closing quotes and brackets aside. */
    private boolean endsSentence(int i) {
        int j = i - 1;
        while (j >= 0 && "\"'”’)]*_".indexOf(text.charAt(j)) >= 0) {
            j--;
        }
        return j >= 0 && ".!?…".indexOf(text.charAt(j)) >= 0;
    }

    /** Judges the window of the previous segment and the one ending at {@code end}. */
    private void screen(int end) {
        Screening screening = screen.apply(text.substring(windowStart, end), windowStart == 0);
        windowStart = screenedTo;
        screenedTo = end;
        if (screening.blocked()) {
            blocked = screening;
            pending.setLength(0);
            cancelScheduledFlush();
        }
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
