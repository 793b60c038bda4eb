package com.companion.contracts.analytics;

/** A count under a stable code, such as a guard category or a failure reason. */
public record NamedCount(String name, long count) {}
