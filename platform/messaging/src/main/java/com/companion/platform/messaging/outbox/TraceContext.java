package com.companion.platform.messaging.outbox;

import java.util.function.Supplier;

/**
 * Carries the W3C {@code traceparent} of the transaction that wrote an outbox row to the relay,
 * so that the published record continues the trace of the request that caused it. Without a
 * tracer on the classpath it carries nothing.
 */
public interface TraceContext {

    TraceContext NONE = new TraceContext() {
        @Override
        public String current() {
            return null;
        }

        @Override
        public <T> T within(String traceparent, Supplier<T> work) {
            return work.get();
        }
    };

    /** The current {@code traceparent}, or null. */
    String current();

    /** Runs {@code work} as part of the trace named by {@code traceparent}. */
    <T> T within(String traceparent, Supplier<T> work);
}
