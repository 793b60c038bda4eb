package com.companion.media.access;

import com.companion.contracts.media.MediaKind;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A media item as clients see it.
 *
 * @param url presigned GET of the content, valid until {@code urlExpiresAt}
 * @param thumbnailUrl presigned GET of the thumbnail (images only), same expiry
 * @param contentUrl stable path that redirects to a fresh presigned URL
 */
public record MediaView(
        UUID id,
        MediaKind kind,
        @Nullable UUID characterId,
        URI url,
        @Nullable URI thumbnailUrl,
        Instant urlExpiresAt,
        String contentUrl,
        String mimeType,
        long sizeBytes,
        @Nullable Integer width,
        @Nullable Integer height,
        Instant createdAt) {}
