package com.companion.character.card;

import com.companion.character.core.InvalidRequest;
import java.util.Locale;
import org.springframework.http.MediaType;

/** The export formats: a V3 card as JSON, inside a PNG (with the V2 backfill), or as CHARX. */
public enum CardFormat {
    JSON(MediaType.APPLICATION_JSON, "json"),
    PNG(MediaType.IMAGE_PNG, "png"),
    CHARX(MediaType.parseMediaType("application/zip"), "charx");

    private final MediaType mediaType;
    private final String extension;

    CardFormat(MediaType mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public static CardFormat of(String wire) {
        try {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.field("format", "must be one of png, json, charx");
        }
    }
}
