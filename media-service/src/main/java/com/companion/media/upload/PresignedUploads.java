package com.companion.media.upload;

import com.companion.contracts.media.MediaKind;
import com.companion.media.access.Media;
import com.companion.media.access.MediaRepository;
import com.companion.media.storage.ObjectJanitor;
import com.companion.media.storage.ObjectStorage;
import com.companion.media.storage.ObjectStorage.PresignedRequest;
import com.companion.media.storage.ObjectTooLarge;
import com.companion.media.storage.PendingObjects;
import com.companion.media.validation.Format;
import com.companion.media.validation.InspectedMedia;
import com.companion.media.validation.MediaInspector;
import com.companion.media.validation.Rejections;
import com.companion.media.validation.ValidationProperties;
import com.companion.platform.web.problem.ApiProblem;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Direct uploads from the client to the store. An offer is a presigned PUT to a quarantine key
 * with the declared type and length fixed in the signature; the quarantine key is journalled to
 * be swept after the offer expires. Completing it downloads the object, inspects it exactly like
 * a multipart upload (and it must be what was declared), stores the clean result under its final
 * key, and drops the quarantined bytes. Anything refused is dropped at once; the offer is spent.
 */
@Component
class PresignedUploads {

    private final CharacterRules characters;
    private final MediaInspector inspector;
    private final MediaIngest ingest;
    private final ObjectStorage storage;
    private final PendingObjects pending;
    private final ObjectJanitor janitor;
    private final PresignedUploadRepository uploads;
    private final MediaRepository media;
    private final TransactionTemplate transactions;
    private final ValidationProperties limits;
    private final UploadProperties properties;
    private final Clock clock;

    PresignedUploads(
            CharacterRules characters,
            MediaInspector inspector,
            MediaIngest ingest,
            ObjectStorage storage,
            PendingObjects pending,
            ObjectJanitor janitor,
            PresignedUploadRepository uploads,
            MediaRepository media,
            TransactionTemplate transactions,
            ValidationProperties limits,
            UploadProperties properties,
            Clock clock) {
        this.characters = characters;
        this.inspector = inspector;
        this.ingest = ingest;
        this.storage = storage;
        this.pending = pending;
        this.janitor = janitor;
        this.uploads = uploads;
        this.media = media;
        this.transactions = transactions;
        this.limits = limits;
        this.properties = properties;
        this.clock = clock;
    }

    record Offer(UUID uploadId, PresignedRequest put) {}

    record Completion(Media media, boolean created) {}

    Offer offer(UUID callerId, MediaKind kind, String contentType, long sizeBytes, @Nullable UUID characterId) {
        Set<Format> allowed = Format.allowedFor(kind);
        Format declared = Format.byContentType(contentType)
                .filter(allowed::contains)
                .orElseThrow(() -> Rejections.unsupportedDeclared(allowed));
        long limit = limits.maxBytes(kind);
        if (sizeBytes > limit) {
            throw Rejections.tooLarge(limit);
        }
        characters.check(callerId, kind, characterId);

        UUID uploadId = UUID.randomUUID();
        String key = ObjectKeys.quarantine(callerId, uploadId);
        PresignedRequest put = storage.presignPut(key, declared.mimeType(), sizeBytes, properties.presignedExpiry());
        transactions.executeWithoutResult(status -> {
            uploads.insert(new PresignedUpload(
                    uploadId, callerId, kind, characterId, declared.mimeType(), sizeBytes, key, put.expiresAt()));
            pending.expect(List.of(key), properties.presignedExpiry().plus(properties.orphanGrace()));
        });
        return new Offer(uploadId, put);
    }

    /** Idempotent: completing a completed upload answers its media again. */
    Completion complete(UUID callerId, UUID uploadId) {
        Optional<PresignedUpload> found =
                uploads.find(uploadId).filter(u -> u.ownerId().equals(callerId));
        if (found.isEmpty()) {
            return completed(callerId, uploadId);
        }
        PresignedUpload upload = found.get();
        if (clock.instant().isAfter(upload.expiresAt())) {
            throw new ApiProblem(
                    HttpStatus.GONE, "upload-expired", "Gone", "This upload has expired; start a new one.");
        }
        long storedSize = storage.head(upload.quarantineKey())
                .orElseThrow(
                        () -> ApiProblem.conflict("upload-missing", "Nothing has been uploaded to this upload's URL."))
                .sizeBytes();

        InspectedMedia content;
        try {
            content = inspect(callerId, upload, storedSize);
        } catch (ApiProblem refused) {
            if (refused.status().is4xxClientError()) {
                discard(upload);
            }
            throw refused;
        }
        try {
            Media stored = ingest.store(
                    new MediaIngest.Owner(callerId, upload.kind(), upload.characterId(), upload.id()), content, () -> {
                        if (!uploads.delete(upload.id())) {
                            throw new CompletedElsewhere();
                        }
                        pending.dueNow(List.of(upload.quarantineKey()));
                    });
            janitor.deleteNow(List.of(upload.quarantineKey()));
            return new Completion(stored, true);
        } catch (CompletedElsewhere e) {
            return completed(callerId, uploadId);
        }
    }

    private InspectedMedia inspect(UUID callerId, PresignedUpload upload, long storedSize) {
        if (storedSize != upload.sizeBytes()) {
            throw sizeMismatch();
        }
        byte[] bytes;
        try {
            bytes = storage.read(upload.quarantineKey(), upload.sizeBytes())
                    .orElseThrow(() -> ApiProblem.conflict("upload-missing", "The uploaded object disappeared."));
        } catch (ObjectTooLarge e) {
            throw sizeMismatch();
        }
        InspectedMedia content = inspector.inspect(upload.kind(), bytes);
        if (!content.detected().mimeType().equals(upload.contentType())) {
            throw Rejections.typeMismatch();
        }
        characters.check(callerId, upload.kind(), upload.characterId());
        return content;
    }

    /** Spends a refused upload: its row goes and its quarantined object is deleted (or swept). */
    private void discard(PresignedUpload upload) {
        transactions.executeWithoutResult(status -> {
            uploads.delete(upload.id());
            pending.dueNow(List.of(upload.quarantineKey()));
        });
        janitor.deleteNow(List.of(upload.quarantineKey()));
    }

    private Completion completed(UUID callerId, UUID uploadId) {
        return media.findByUpload(uploadId)
                .filter(m -> m.ownerId().equals(callerId))
                .map(m -> new Completion(m, false))
                .orElseThrow(() -> ApiProblem.notFound("upload"));
    }

    private static ApiProblem sizeMismatch() {
        return new ApiProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "size-mismatch",
                "Unprocessable Content",
                "The uploaded object is not the size declared for this upload.");
    }

    /** Offers whose time is long past are forgotten; their quarantine keys are swept by the journal. */
    @Scheduled(fixedDelayString = "${media.cleanup.interval}", initialDelayString = "${media.cleanup.interval}")
    void forgetExpired() {
        uploads.deleteExpired(properties.orphanGrace());
    }

    private static final class CompletedElsewhere extends RuntimeException {

        CompletedElsewhere() {
            super("the upload was completed by a concurrent request", null, false, false);
        }
    }
}
