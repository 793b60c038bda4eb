package com.companion.auth.export;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Data exports ({@code POST /auth/me/export}).
 *
 * @param services the services whose part every export waits for (AUTH_EXPORT_SERVICES)
 * @param timeout how long a job waits for the parts before it fails naming the missing ones (AUTH_EXPORT_TIMEOUT)
 * @param urlTtl how long a presigned download URL works
 * @param retention how long a finished export (its zip and its row) is kept (AUTH_EXPORT_RETENTION)
 * @param sweepInterval how often overdue jobs are failed and expired ones removed
 */
@Validated
@ConfigurationProperties("auth.export")
public record DataExportProperties(
        @NotEmpty @DefaultValue({"character-service", "chat-service", "media-service", "ad-service"})
        List<String> services,

        @NotNull @DefaultValue("10m") Duration timeout,
        @NotNull @DefaultValue("15m") Duration urlTtl,
        @NotNull @DefaultValue("7d") Duration retention,
        @NotNull @DefaultValue("30s") Duration sweepInterval) {}
