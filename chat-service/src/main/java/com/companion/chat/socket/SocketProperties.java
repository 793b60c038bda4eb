package com.companion.chat.socket;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of one {@code /ws} connection.
 *
 * @param authDeadline a socket that has not authenticated by then is closed
 * @param framesPerSecond frames of any type one socket may send per second, on average
 * @param frameBurst how many frames a socket may send at once before the average applies
 * @param maxFrameBytes the largest frame accepted; a larger one closes the socket (1009)
 * @param sweepInterval how often sockets are checked for a missed deadline, an expired token, or a user who was
 *     disabled or deleted (closed within this interval)
 */
@Validated
@ConfigurationProperties("chat.socket")
record SocketProperties(
        @NotNull Duration authDeadline,
        @Min(1) int framesPerSecond,
        @Min(1) int frameBurst,
        @Min(1024) int maxFrameBytes,
        @NotNull Duration sweepInterval) {}
