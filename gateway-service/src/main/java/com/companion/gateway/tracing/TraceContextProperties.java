package com.companion.gateway.tracing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether the gateway continues a trace context that arrives from outside.
 *
 * @param trustIncoming {@code false} (the default for a public edge): a client's {@code traceparent},
 *     {@code tracestate} and {@code baggage} are dropped, so the gateway starts every trace itself and
 *     the sampling rate holds; a client cannot force its requests to be recorded or join them to
 *     someone else's trace. {@code true} only behind a proxy or client that is itself traced.
 */
@ConfigurationProperties("gateway.trace-context")
public record TraceContextProperties(@DefaultValue("false") boolean trustIncoming) {}
