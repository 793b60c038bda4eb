package com.companion.contracts;

/**
 * An immutable, past-tense fact published on a topic. Its wire name and version come from its
 * {@link EventType}; {@link #partitionKey()} is the aggregate id that keys the Kafka record so
 * that everything about one aggregate lands on one partition.
 */
public interface Event {

    String partitionKey();
}
