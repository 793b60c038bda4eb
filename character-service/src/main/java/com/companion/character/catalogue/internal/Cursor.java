package com.companion.character.catalogue.internal;

import com.companion.character.core.CharacterRow;
import com.companion.character.core.InvalidRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * The position after the last row of a page: its (created_at, id), the sort key of every list.
 * Opaque to clients: base64url of {@code v1:<epoch micros>:<id>}.
 */
public record Cursor(Instant createdAt, UUID id) {

    private static final String VERSION = "v1";

    public static Cursor after(CharacterRow row) {
        return new Cursor(row.createdAt(), row.id());
    }

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((VERSION + ":" + micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws com.companion.platform.web.problem.ApiProblem 400 naming {@code cursor} */
    public static Cursor decode(String encoded) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII).split(":");
            if (parts.length != 3 || !parts[0].equals(VERSION)) {
                throw invalid();
            }
            Instant createdAt = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
            return new Cursor(createdAt, UUID.fromString(parts[2]));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw invalid();
        }
    }

    private static RuntimeException invalid() {
        return InvalidRequest.field("cursor", "is not a cursor this service gave out");
    }
}
