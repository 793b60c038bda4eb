package com.companion.analytics.topology.internal;

import com.companion.contracts.Event;
import com.companion.contracts.EventEnvelope;
import org.jspecify.annotations.Nullable;

/**
 * An input record as read: the event, or the bytes and the reason they are not one. Decoding never throws,
 * so a record that is not an event goes to its topic's dead-letter topic instead of stopping the stream.
 */
public record Decoded(
        @Nullable EventEnvelope<Event> envelope,
        byte[] raw,
        @Nullable String error) {

    public boolean isEvent() {
        return envelope != null;
    }
}
