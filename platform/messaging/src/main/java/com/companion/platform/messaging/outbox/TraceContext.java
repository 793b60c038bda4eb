package com.companion.platform.messaging.outbox;

import java.util.HashMap;
import java.util.Map;
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

    static TraceContext micrometer(io.micrometer.tracing.Tracer tracer, io.micrometer.tracing.propagation.Propagator propagator) {
        return new TraceContext() {
            @Override
            public String current() {
                io.micrometer.tracing.Span span = tracer.currentSpan();
                if (span == null) {
                    return null;
                }
                Map<String, String> carrier = new HashMap<>();
                propagator.inject(span.context(), carrier, Map::put);
                return carrier.get("traceparent");
            }

            @Override
            public <T> T within(String traceparent, Supplier<T> work) {
                if (traceparent == null) {
                    return work.get();
                }
                io.micrometer.tracing.Span span = propagator
                        .extract(Map.of("traceparent", traceparent), Map::get)
                        .name("outbox publish")
                        .start();
                try (io.micrometer.tracing.Tracer.SpanInScope scope = tracer.withSpan(span)) {
                    return work.get();
                } finally {
                    span.end();
                }
            }
        };
    }
}
