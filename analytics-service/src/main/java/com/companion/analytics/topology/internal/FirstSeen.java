package com.companion.analytics.topology.internal;

import java.time.Duration;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Forwards a record only the first time its id is seen within {@code retention} (event time either side), and
 * remembers the id in a changelogged window store that drops ids older than that. Under exactly-once the
 * remembering and the forwarding commit together, so a redelivered record (an outbox resend, a worker that
 * redid a request) is dropped here and a crash never counts one twice or loses one.
 */
public final class FirstSeen<V> implements FixedKeyProcessor<String, V, V> {

    private final String storeName;
    private final Duration retention;
    private final Function<FixedKeyRecord<String, V>, String> id;
    private WindowStore<String, Long> seen;
    private FixedKeyProcessorContext<String, V> context;

    public FirstSeen(String storeName, Duration retention, Function<FixedKeyRecord<String, V>, String> id) {
        this.storeName = storeName;
        this.retention = retention;
        this.id = id;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        String key = id.apply(record);
        long time = record.timestamp();
        try (WindowStoreIterator<Long> earlier =
                seen.fetch(key, time - retention.toMillis(), time + retention.toMillis())) {
            if (earlier.hasNext()) {
                return;
            }
        }
        seen.put(key, time, time);
        context.forward(record);
    }
}
