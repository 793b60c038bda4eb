package com.companion.platform.messaging.kafka;

import com.companion.contracts.Event;
import com.companion.contracts.EventEnvelope;
import com.companion.contracts.EventJson;
import com.companion.contracts.MalformedEventException;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reading events from records. */
public final class Records {

    /**
     * The event in a record, or empty for a tombstone. A value that is not an event, or an event of
     * a type that belongs to another topic (a producer that wrote where it should not), throws
     * {@link MalformedEventException}, which sends the record to the dead-letter topic at once.
     */
    public static Optional<EventEnvelope<Event>> event(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        EventEnvelope<Event> envelope = EventJson.decode(record.value());
        if (!envelope.topic().equals(record.topic())) {
            throw new MalformedEventException(
                    "event type " + envelope.eventType() + " belongs to " + envelope.topic() + ", not "
                            + record.topic(),
                    null);
        }
        return Optional.of(envelope);
    }

    private Records() {}
}
