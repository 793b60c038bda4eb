package com.companion.media.validation;

import org.jspecify.annotations.Nullable;

/**
 * A file that passed inspection, ready to store: for images, freshly encoded pixels and a
 * thumbnail in the same format; otherwise the bytes as they came.
 *
 * @param detected what the bytes were
 * @param stored what is stored ({@link Format#storedAs()})
 */
public record InspectedMedia(
        Format detected,
        Format stored,
        byte[] content,
        @Nullable Integer width,
        @Nullable Integer height,
        byte @Nullable [] thumbnail) {}
