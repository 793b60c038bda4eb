package com.companion.platform.messaging.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** {@link TraceContext} over Micrometer Tracing; loaded only when a tracer is configured. */
public final class MicrometerTraceContext implements TraceContext {

    private final Tracer tracer;
    private final Propagator propagator;

    public MicrometerTraceContext(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public String current() {
        Span span = tracer.currentSpan();
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
        Span span = propagator
                .extract(Map.of("traceparent", traceparent), Map::get)
                .name("outbox publish")
                .start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } finally {
            span.end();
        }
    }
}
