package com.companion.offlinellm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/** What the server will do next and what it has been asked so far. Thread-safe. */
final class Script {

    private final Behaviour baseline;
    private final int maxRecordedCalls;
    private final long maxRecordedBytes;
    private final AtomicReference<Behaviour> defaultBehaviour;
    private final Queue<Behaviour> oneShots = new ConcurrentLinkedQueue<>();
    private final Queue<Targeted> targeted = new ConcurrentLinkedQueue<>();

    /** A one-shot behaviour for the first call whose last user message contains {@code marker}. */
    private record Targeted(String marker, Behaviour behaviour) {}

    private final Deque<RecordedCall> calls = new ArrayDeque<>();
    private int callCount;
    private long recordedBytes;

    Script(Behaviour baseline, int maxRecordedCalls, long maxRecordedBytes) {
        this.baseline = Objects.requireNonNull(baseline, "baseline");
        this.maxRecordedCalls = maxRecordedCalls;
        this.maxRecordedBytes = maxRecordedBytes;
        this.defaultBehaviour = new AtomicReference<>(baseline);
    }

    /** The behaviour {@link #reset()} returns to; admin updates start from it. */
    Behaviour baseline() {
        return baseline;
    }

    Behaviour defaultBehaviour() {
        return defaultBehaviour.get();
    }

    void setDefault(Behaviour behaviour) {
        defaultBehaviour.set(Objects.requireNonNull(behaviour, "behaviour"));
    }

    void enqueue(Behaviour... behaviours) {
        for (Behaviour behaviour : behaviours) {
            oneShots.add(Objects.requireNonNull(behaviour, "behaviour"));
        }
    }

    void enqueueFor(String marker, Behaviour behaviour) {
        targeted.add(new Targeted(Objects.requireNonNull(marker, "marker"), Objects.requireNonNull(behaviour)));
    }

    List<Behaviour> queued() {
        return List.copyOf(oneShots);
    }

    /**
     * For a call whose last user message is {@code lastUserMessage}: the first behaviour targeted at it (consuming
     * it), else the next one-shot behaviour (consuming it), else the default.
     */
    Behaviour next(String lastUserMessage) {
        for (Targeted candidate : targeted) {
            if (lastUserMessage.contains(candidate.marker()) && targeted.remove(candidate)) {
                return candidate.behaviour();
            }
        }
        Behaviour oneShot = oneShots.poll();
        return oneShot != null ? oneShot : defaultBehaviour.get();
    }

    /**
     * Keeps the call, dropping the oldest while more than the count or byte budget is kept: full
     * prompts are large, and a long-running server (the local stack's, with a small heap) must not
     * die of its own recording. A call larger than the whole byte budget is counted, not kept.
     */
    synchronized void record(RecordedCall call) {
        callCount++;
        calls.addLast(call);
        recordedBytes += call.approximateBytes();
        while (!calls.isEmpty() && (calls.size() > maxRecordedCalls || recordedBytes > maxRecordedBytes)) {
            recordedBytes -= calls.removeFirst().approximateBytes();
        }
    }

    /** The approximate heap the kept calls hold. */
    synchronized long recordedBytes() {
        return recordedBytes;
    }

    synchronized List<RecordedCall> calls() {
        return new ArrayList<>(calls);
    }

    synchronized int callCount() {
        return callCount;
    }

    void reset() {
        oneShots.clear();
        targeted.clear();
        defaultBehaviour.set(baseline);
        synchronized (this) {
            calls.clear();
            recordedBytes = 0;
            callCount = 0;
        }
    }
}
