package com.companion.analytics.topology.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Drops a record whose id this task has already forwarded, before it crosses the network. A user who chats all day
 * sends the same "active today" with every message and reply, and the repartition by user carried each one to the
 * {@link FirstSeen} that keeps the first. This is only a hint in front of it: the ids are kept in memory, at most
 * {@code capacity} (the least recently seen go first), and forgotten whenever the task is initialised (at start, after
 * a rebalance, and after an aborted transaction, which re-initialises the task before its records are read again). A
 * record this task forgot is forwarded again and dropped downstream; a record it remembers was forwarded in a
 * transaction that committed, so nothing is lost.
 */
public final class ForwardedOnceHere<V> implements FixedKeyProcessor<String, V, V> {

    private final int capacity;
    private final Function<FixedKeyRecord<String, V>, String> id;
    private final Map<String, Boolean> forwarded;
    private FixedKeyProcessorContext<String, V> context;

    public ForwardedOnceHere(int capacity, Function<FixedKeyRecord<String, V>, String> id) {
        this.capacity = capacity;
        this.id = id;
        this.forwarded = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > ForwardedOnceHere.this.capacity;
            }
        };
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
        forwarded.clear();
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        if (forwarded.put(id.apply(record), Boolean.TRUE) == null) {
            context.forward(record);
        }
    }

    @Override
    public void close() {
        forwarded.clear();
    }
}
