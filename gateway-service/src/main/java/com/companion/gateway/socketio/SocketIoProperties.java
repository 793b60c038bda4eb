package com.companion.gateway.socketio;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Socket.IO endpoint's timers and bounds. Sessions live in this instance's memory.
 *
 * @param pingInterval how often the server pings (sent to clients in the handshake)
 * @param pingTimeout how long a client has to answer a ping before its session is closed
 * @param connectTimeout how long a new session may go without connecting to {@code /chat}
 * @param upstreamConnectTimeout how long opening chat-service's socket may take
 * @param maxPayload the largest polling body or WebSocket frame accepted, in bytes (sent to
 *     clients in the handshake so they split their batches)
 * @param maxBufferedPackets packets waiting for a client; a client that lets more pile up is
 *     disconnected
 * @param maxSessions open sessions on this instance
 * @param maxSessionsPerAddress open sessions from one client address
 */
@Validated
@ConfigurationProperties("gateway.socket-io")
public record SocketIoProperties(
        @DefaultValue("25s") @NotNull Duration pingInterval,
        @DefaultValue("20s") @NotNull Duration pingTimeout,
        @DefaultValue("45s") @NotNull Duration connectTimeout,
        @DefaultValue("5s") @NotNull Duration upstreamConnectTimeout,
        @DefaultValue("65536") @Min(1024) int maxPayload,
        @DefaultValue("2048") @Min(16) int maxBufferedPackets,
        @DefaultValue("10000") @Min(1) int maxSessions,
        @DefaultValue("50") @Min(1) int maxSessionsPerAddress) {}
