package com.companion.media.upload;

import com.companion.contracts.media.MediaKind;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A presigned PUT handed out: what the client promised to send, and where it waits. */
record PresignedUpload(
        UUID id,
        UUID ownerId,
        MediaKind kind,
        @Nullable UUID characterId,
        String contentType,
        long sizeBytes,
        String quarantineKey,
        Instant expiresAt) {}
