package com.companion.media.access;

import com.companion.contracts.Event;
import com.companion.contracts.EventEnvelope;
import com.companion.contracts.Topics;
import com.companion.contracts.auth.ExportRequested;
import com.companion.contracts.export.ExportPartReady;
import com.companion.contracts.media.MediaKind;
import com.companion.platform.export.ExportStorage;
import com.companion.platform.messaging.inbox.ProcessedEvents;
import com.companion.platform.messaging.kafka.Records;
import com.companion.platform.messaging.outbox.Outbox;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * media-service's part of a user's data export ({@code auth.export-requested}): the list of the
 * user's media ({@code exports/<id>/media-service.json}) and each object itself, copied inside the
 * bucket to {@code exports/<id>/media-service/<media id>.<ext>} (the list names each file). Copies
 * and the list are written before {@code export.part-ready} goes out, once per request; a redelivery
 * rewrites the same objects and publishes nothing.
 */
@Component
class AccountExport {

    static final String SERVICE = "media-service";
    static final String CONSUMER = "media-service:auth.exports";
    private static final Logger log = LoggerFactory.getLogger(AccountExport.class);

    record Part(UUID userId, Instant exportedAt, List<ExportedMedia> media) {}

    record ExportedMedia(
            UUID id,
            MediaKind kind,
            @Nullable UUID characterId,
            String mimeType,
            long sizeBytes,
            @Nullable Integer width,
            @Nullable Integer height,
            Instant createdAt,
            String file) {}

    private final MediaRepository media;
    private final ExportStorage storage;
    private final ProcessedEvents processed;
    private final Outbox outbox;
    private final TransactionTemplate transaction;

    AccountExport(
            MediaRepository media,
            ExportStorage storage,
            ProcessedEvents processed,
            Outbox outbox,
            PlatformTransactionManager transactionManager) {
        this.media = media;
        this.storage = storage;
        this.processed = processed;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @KafkaListener(topics = Topics.EXPORT_REQUESTS, groupId = "media-service")
    void on(ConsumerRecord<String, String> record) {
        Records.event(record)
                .filter(envelope -> envelope.data() instanceof ExportRequested)
                .ifPresent(this::answer);
    }

    private void answer(EventEnvelope<Event> envelope) {
        ExportRequested request = (ExportRequested) envelope.data();
        List<Media> owned = media.ownedBy(request.userId()).stream()
                .sorted(Comparator.comparing(Media::createdAt).thenComparing(Media::id))
                .toList();
        List<ExportedMedia> files = owned.stream()
                .map(item -> {
                    String file = SERVICE + "/" + item.id() + extension(item.objectKey());
                    storage.copyInto(request.exportId(), file, item.objectKey());
                    return new ExportedMedia(
                            item.id(),
                            item.kind(),
                            item.characterId(),
                            item.mimeType(),
                            item.sizeBytes(),
                            item.width(),
                            item.height(),
                            item.createdAt(),
                            file);
                })
                .toList();
        String key = storage.writePart(request.exportId(), SERVICE, new Part(request.userId(), Instant.now(), files));
        transaction.executeWithoutResult(status -> processed.once(CONSUMER, envelope, event -> {
            outbox.publish(new ExportPartReady(request.exportId(), request.userId(), SERVICE, key, Instant.now()));
            log.info("export {}: wrote {} media of user {}", request.exportId(), files.size(), request.userId());
        }));
    }

    private static String extension(String objectKey) {
        int slash = objectKey.lastIndexOf('/');
        int dot = objectKey.lastIndexOf('.');
        return dot > slash ? objectKey.substring(dot) : "";
    }
}
