package com.companion.contracts.media;

import com.companion.contracts.Event;
import com.companion.contracts.EventType;
import com.companion.contracts.Topics;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record MediaDeleted(
        UUID mediaId, UUID ownerId, @Nullable UUID characterId, MediaKind kind, Instant deletedAt) implements Event {

    public static final EventType<MediaDeleted> TYPE =
            EventType.of("media.media-deleted", Topics.MEDIA_EVENTS, MediaDeleted.class);

    @Override
    public String partitionKey() {
        return ownerId.toString();
    }
}
