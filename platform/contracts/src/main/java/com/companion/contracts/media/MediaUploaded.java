package com.companion.contracts.media;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Topics;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A validated object is stored. {@code url} is the stable (unsigned) address of the object;
 * {@code characterId} is set for avatars. Width and height are null for non-images.
 */
public record MediaUploaded(
        UUID mediaId,
        UUID ownerId,
        @Nullable UUID characterId,
        MediaKind kind,
        String objectKey,
        String url,
        String mimeType,
        long sizeBytes,
        @Nullable Integer width,
        @Nullable Integer height,
        Instant uploadedAt)
        implements Event {

    public static final EventType<MediaUploaded> TYPE =
            EventType.of("media.media-uploaded", Topics.MEDIA_EVENTS, MediaUploaded.class);

    @Override
    public String partitionKey() {
        return ownerId.toString();
    }
}
