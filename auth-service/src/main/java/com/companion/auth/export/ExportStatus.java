package com.companion.auth.export;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A data export as its owner sees it: {@code pending} while the services write their parts, {@code
 * ready} with a presigned {@code url} to the zip, or {@code failed} naming the services that did not
 * answer in time.
 */
public record ExportStatus(
        UUID id,
        String status,
        Instant requestedAt,
        @Nullable Instant completedAt,
        @Nullable String url,
        @Nullable Instant urlExpiresAt,
        @Nullable List<String> missing) {}
