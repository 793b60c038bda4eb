package com.companion.media.upload;

import com.companion.contracts.media.MediaKind;
import com.companion.contracts.media.MediaUploaded;
import com.companion.media.access.Media;
import com.companion.media.access.MediaRepository;
import com.companion.media.storage.ObjectJanitor;
import com.companion.media.storage.ObjectStorage;
import com.companion.media.storage.ObjectStorage.StoredObject;
import com.companion.media.storage.PendingObjects;
import com.companion.media.validation.InspectedMedia;
import com.companion.platform.messaging.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores inspected content so that the bucket and the {@code media} table never disagree:
 * <ol>
 *   <li>the keys are journalled in {@code pending_object} (committed) before anything is written;
 *   <li>the objects are put; if the store fails, they are deleted again and no row is written;
 *   <li>one transaction adopts the keys off the journal, inserts the row and records
 *       {@code MediaUploaded} in the outbox; if it fails, the objects are deleted again;
 *   <li>if the process dies anywhere in between, the journal entries fall due and the sweep
 *       deletes the objects. A row is only committed while its keys were not yet due, so the sweep
 *       never deletes an object a row owns.
 * </ol>
 */
@Component
class MediaIngest {

    private static final Logger log = LoggerFactory.getLogger(MediaIngest.class);

    private final ObjectStorage storage;
    private final PendingObjects pending;
    private final ObjectJanitor janitor;
    private final MediaRepository repository;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final UploadProperties properties;
    private final Clock clock;

    MediaIngest(
            ObjectStorage storage,
            PendingObjects pending,
            ObjectJanitor janitor,
            MediaRepository repository,
            Outbox outbox,
            TransactionTemplate transactions,
            UploadProperties properties,
            Clock clock) {
        this.storage = storage;
        this.pending = pending;
        this.janitor = janitor;
        this.repository = repository;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Who the new media belongs to; {@code uploadId} is set when it comes from a presigned upload. */
    record Owner(
            UUID ownerId,
            MediaKind kind,
            @Nullable UUID characterId,
            @Nullable UUID uploadId) {}

    /**
     * Stores {@code content} as a new media item. {@code alsoInTransaction} runs in the
     * transaction that records the row (and may veto it by throwing).
     */
    Media store(Owner owner, InspectedMedia content, Runnable alsoInTransaction) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String extension = content.stored().extension();
        String key = owner.kind() == MediaKind.AVATAR
                ? ObjectKeys.avatar(owner.characterId(), id, extension)
                : ObjectKeys.media(owner.ownerId(), now, id, extension);
        String thumbnailKey = content.thumbnail() == null ? null : ObjectKeys.thumbnail(key);
        Media media = new Media(
                id,
                owner.ownerId(),
                owner.characterId(),
                owner.kind(),
                key,
                thumbnailKey,
                content.stored().mimeType(),
                content.content().length,
                content.width(),
                content.height(),
                owner.uploadId(),
                now);

        List<StoredObject> objects = new ArrayList<>();
        String disposition = content.stored().contentDisposition(media.fileName());
        objects.add(new StoredObject(key, content.content(), content.stored().contentType(), disposition));
        if (thumbnailKey != null) {
            objects.add(new StoredObject(
                    thumbnailKey, content.thumbnail(), content.stored().contentType(), "inline"));
        }
        List<String> keys = media.objectKeys();

        pending.expect(keys, properties.orphanGrace());
        try {
            objects.forEach(storage::put);
            transactions.executeWithoutResult(status -> {
                if (!pending.adopt(keys)) {
                    throw new IllegalStateException("the objects of media " + id + " fell due before their row");
                }
                alsoInTransaction.run();
                repository.insert(media);
                outbox.publish(uploaded(media));
            });
        } catch (RuntimeException e) {
            janitor.deleteNow(keys);
            throw e;
        }
        log.info("stored media {}: {} {}, {} bytes", id, owner.kind(), media.mimeType(), media.sizeBytes());
        return media;
    }

    private static MediaUploaded uploaded(Media media) {
        return new MediaUploaded(
                media.id(),
                media.ownerId(),
                media.characterId(),
                media.kind(),
                media.objectKey(),
                media.contentPath(),
                media.mimeType(),
                media.sizeBytes(),
                media.width(),
                media.height(),
                media.createdAt());
    }
}
