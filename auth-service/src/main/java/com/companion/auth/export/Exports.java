package com.companion.auth.export;

import com.companion.auth.export.internal.ExportStore;
import com.companion.auth.export.internal.ExportStore.ExportRow;
import com.companion.contracts.auth.ExportRequested;
import com.companion.platform.export.ExportProperties;
import com.companion.platform.messaging.outbox.Outbox;
import com.companion.platform.web.problem.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

/**
 * Starting a data export and telling its owner how it stands. Starting writes the job and {@link
 * ExportRequested} in one transaction (the outbox), so a job exists exactly when the services were
 * asked. A user has at most one pending job: asking again while one runs answers that one.
 */
@Service
class Exports {

    private final ExportStore store;
    private final Outbox outbox;
    private final DataExportProperties properties;
    private final ExportProperties bucket;
    private final S3Presigner presigner;
    private final Clock clock;

    Exports(
            ExportStore store,
            Outbox outbox,
            DataExportProperties properties,
            ExportProperties bucket,
            S3Presigner presigner,
            Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.properties = properties;
        this.bucket = bucket;
        this.presigner = presigner;
        this.clock = clock;
    }

    @Transactional
    UUID start(UUID userId) {
        return store.pendingOf(userId).map(ExportRow::id).orElseGet(() -> {
            UUID id = UUID.randomUUID();
            Instant now = clock.instant();
            store.insert(id, userId, now, now.plus(properties.timeout()));
            outbox.publish(new ExportRequested(id, userId, now));
            return id;
        });
    }

    @Transactional(readOnly = true)
    ExportStatus status(UUID userId, UUID id) {
        ExportRow row = store.find(id)
                .filter(export -> export.userId().equals(userId))
                .orElseThrow(() -> ApiProblem.notFound("export"));
        return switch (row.status()) {
            case "ready" -> {
                PresignedGetObjectRequest url = presigner.presignGetObject(p -> p.signatureDuration(properties.urlTtl())
                        .getObjectRequest(g -> g.bucket(bucket.bucket())
                                .key(row.objectKey())
                                .responseContentType("application/zip")
                                .responseContentDisposition(
                                        "attachment; filename=\"companion-export-" + row.id() + ".zip\"")));
                yield new ExportStatus(
                        row.id(),
                        row.status(),
                        row.requestedAt(),
                        row.completedAt(),
                        url.url().toString(),
                        url.expiration(),
                        null);
            }
            case "failed" ->
                new ExportStatus(
                        row.id(), row.status(), row.requestedAt(), row.completedAt(), null, null, row.missing());
            default -> new ExportStatus(row.id(), row.status(), row.requestedAt(), null, null, null, null);
        };
    }
}
