package com.companion.contracts.export;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * One service's part of a data export is in the bucket: {@code key} is its JSON document, {@code
 * exports/<export_id>/<service>.json}; objects the part refers to (media files) lie beside it under
 * {@code exports/<export_id>/<service>/}. auth-service zips the parts once every expected service
 * answered.
 */
public record ExportPartReady(UUID exportId, UUID userId, String service, String key, Instant writtenAt)
        implements Event {

    public static final EventType<ExportPartReady> TYPE =
            EventType.of("export.part-ready", Topics.EXPORT_PARTS, ExportPartReady.class);

    @Override
    public String partitionKey() {
        return exportId.toString();
    }
}
