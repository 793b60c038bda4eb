package com.companion.worker.reply;

/** Kafka did not acknowledge a request's outcome: the request is not done and must be processed again. */
public class OutcomeNotPublishedException extends RuntimeException {

    OutcomeNotPublishedException(String message, Throwable cause) {
        super(message, cause);
    }
}
