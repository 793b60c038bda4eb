package com.companion.contracts.auth;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * A user asked for a copy of everything the platform holds on them ({@code POST /auth/me/export}).
 * Every service that keeps data on users answers with one {@link
 * com.companion.contracts.export.ExportPartReady} once its part is in the bucket.
 */
public record ExportRequested(UUID exportId, UUID userId, Instant requestedAt) implements Event {

    public static final EventType<ExportRequested> TYPE =
            EventType.of("auth.export-requested", Topics.EXPORT_REQUESTS, ExportRequested.class);

    @Override
    public String partitionKey() {
        return exportId.toString();
    }
}
