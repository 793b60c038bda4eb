package com.companion.worker.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How requests are taken from Kafka.
 *
 * @param topic the work queue ({@code chat.message-requested.v1}); its dead letters go to {@code <topic>.DLT}
 * @param groupId the consumer group every instance joins to share the work
 * @param maxConcurrency generations one instance runs at once (sessions in parallel; one at a time per session)
 * @param commitInterval how often finished offsets are committed; a crash redoes at most this much finished work
 * @param drainTimeout on shutdown, how long generations already running may take to finish; those still running
 *     then are cut off without an outcome and redone by another instance
 * @param retryInitialDelay a request whose outcome could not be published is tried again after this, doubling
 * @param retryMaxDelay up to this
 */
@Validated
@ConfigurationProperties("worker.intake")
public record IntakeProperties(
        @NotBlank String topic,
        @NotBlank String groupId,
        @Positive int maxConcurrency,
        @NotNull Duration commitInterval,
        @NotNull Duration drainTimeout,
        @NotNull Duration retryInitialDelay,
        @NotNull Duration retryMaxDelay) {}
