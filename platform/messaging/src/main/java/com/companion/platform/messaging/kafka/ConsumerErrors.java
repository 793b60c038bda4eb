package com.companion.platform.messaging.kafka;

import com.companion.contracts.MalformedEventException;
import com.companion.contracts.Topics;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The one error handler of every listener: a failing record is retried a bounded number of
 * times with growing pauses, then published to {@code <topic>.DLT} on the same partition with
 * the exception class, message and stack trace and the original topic, partition and offset in
 * its headers. Records that can never succeed (not an event at all) go there at once.
 */
public final class ConsumerErrors {

    public static DefaultErrorHandler handler(KafkaOperations<?, ?> template, MessagingProperties properties) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                template,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        ExponentialBackOff backOff =
                new ExponentialBackOff(properties.retryInitialInterval().toMillis(), properties.retryMultiplier());
        backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
        backOff.setMaxAttempts(properties.retryAttempts());
        // A batch listener names its failing record by a BatchListenerFailedException (see Batches); the dead letter
        // carries what really failed, as a record listener's would.
        ConsumerAwareRecordRecoverer unwrapping =
                (record, consumer, exception) -> recoverer.accept(record, consumer, withoutBatchWrapper(exception));
        DefaultErrorHandler handler = new DefaultErrorHandler(unwrapping, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class, DeserializationException.class);
        return handler;
    }

    private static Exception withoutBatchWrapper(Exception exception) {
        Throwable cause = exception;
        while (cause != null && !(cause instanceof BatchListenerFailedException)) {
            cause = cause.getCause();
        }
        if (cause != null && cause.getCause() instanceof Exception failed) {
            return new ListenerExecutionFailedException(failed.getMessage(), failed);
        }
        return exception;
    }

    private ConsumerErrors() {}
}
