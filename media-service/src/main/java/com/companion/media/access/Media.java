package com.companion.media.access;

import com.companion.contracts.media.MediaKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** A stored, validated file: one row of {@code media}. */
public record Media(
        UUID id,
        UUID ownerId,
        @Nullable UUID characterId,
        MediaKind kind,
        String objectKey,
        @Nullable String thumbnailKey,
        String mimeType,
        long sizeBytes,
        @Nullable Integer width,
        @Nullable Integer height,
        @Nullable UUID uploadId,
        Instant createdAt) {

    /** Every object this row owns in the bucket. */
    public List<String> objectKeys() {
        return Stream.of(objectKey, thumbnailKey).filter(k -> k != null).toList();
    }

    /**
     * The stable address clients use for the content (through the gateway); it redirects to a
     * fresh presigned URL. This is what {@code MediaUploaded.url} carries.
     */
    public String contentPath() {
        return "/media/" + id + "/content";
    }

    /** The file name a download is offered under: never the client's, which never reaches a key. */
    public String fileName() {
        int slash = objectKey.lastIndexOf('/');
        return objectKey.substring(slash + 1);
    }
}
