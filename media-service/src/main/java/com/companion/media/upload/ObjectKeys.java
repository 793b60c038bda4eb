package com.companion.media.upload;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Where objects live. Keys are built from ids and validated types only: nothing a client named. */
final class ObjectKeys {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ObjectKeys() {}

    static String avatar(UUID characterId, UUID mediaId, String extension) {
        return "avatars/" + characterId + "/" + mediaId + "." + extension;
    }

    static String media(UUID userId, Instant at, UUID mediaId, String extension) {
        return "media/" + userId + "/" + TIMESTAMP.format(at) + "_" + mediaId + "." + extension;
    }

    /** Beside its image: {@code .../abc.png} has {@code .../abc_thumb.png}. */
    static String thumbnail(String key) {
        int dot = key.lastIndexOf('.');
        return key.substring(0, dot) + "_thumb" + key.substring(dot);
    }

    /** Where a presigned upload waits, unvalidated, until it is completed or swept. */
    static String quarantine(UUID userId, UUID uploadId) {
        return "quarantine/" + userId + "/" + uploadId;
    }
}
