package com.companion.platform.messaging.kafka;

import com.companion.contracts.Event;
import com.companion.contracts.EventEnvelope;
import com.companion.contracts.EventJson;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reading events from records. */
public final class Records {

    /** The event in a record, or empty for a tombstone. A value that is not an event throws. */
    public static Optional<EventEnvelope<Event>> event(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        return Optional.of(EventJson.decode(record.value()));
    }

    private Records() {}
}
