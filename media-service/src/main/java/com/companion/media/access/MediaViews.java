package com.companion.media.access;

import com.companion.media.storage.ObjectStorage;
import com.companion.media.storage.ObjectStorage.PresignedUrl;
import com.companion.media.validation.Format;
import java.net.URI;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Turns rows into views with fresh presigned URLs; each URL fixes the response's type and disposition. */
@Component
public class MediaViews {

    private final ObjectStorage storage;
    private final AccessProperties properties;

    MediaViews(ObjectStorage storage, AccessProperties properties) {
        this.storage = storage;
        this.properties = properties;
    }

    public MediaView view(Media media) {
        PresignedUrl content = contentUrl(media);
        URI thumbnail = media.thumbnailKey() == null
                ? null
                : storage.presignGet(media.thumbnailKey(), properties.urlExpiry(), media.mimeType(), "inline")
                        .url();
        return new MediaView(
                media.id(),
                media.kind(),
                media.characterId(),
                content.url(),
                thumbnail,
                content.expiresAt(),
                media.contentPath(),
                media.mimeType(),
                media.sizeBytes(),
                media.width(),
                media.height(),
                media.createdAt());
    }

    PresignedUrl contentUrl(Media media) {
        return storage.presignGet(media.objectKey(), properties.urlExpiry(), contentType(media), disposition(media));
    }

    Duration urlExpiry() {
        return properties.urlExpiry();
    }

    private static String contentType(Media media) {
        return Format.byContentType(media.mimeType()).map(Format::contentType).orElse("application/octet-stream");
    }

    private static String disposition(Media media) {
        return Format.byContentType(media.mimeType())
                .map(format -> format.contentDisposition(media.fileName()))
                .orElse("attachment");
    }
}
