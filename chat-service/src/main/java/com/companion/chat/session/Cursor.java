package com.companion.chat.session;

import com.companion.platform.web.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A keyset position in a list ordered newest first by time, then id: the last item's, opaque to clients. */
public record Cursor(Instant at, UUID id) {

    /** The position a client sent back, null for the first page; 400 {@code invalid-cursor} when malformed. */
    public static @Nullable Cursor parse(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ApiProblem.badRequest("invalid-cursor", "The cursor is not valid.");
        }
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    public OffsetDateTime atUtc() {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
