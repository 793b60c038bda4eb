package com.companion.platform.export;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The S3-compatible store that data exports are written to (the platform's one bucket, under {@code
 * exports/}). Credentials are not here: they come from the SDK's default chain ({@code
 * AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, profiles, roles).
 *
 * @param endpoint where this service reaches the store ({@code S3_ENDPOINT})
 * @param publicEndpoint where clients reach it; presigned URLs are signed for this host ({@code S3_PUBLIC_ENDPOINT})
 * @param bucket {@code S3_BUCKET}
 * @param region {@code AWS_REGION}
 * @param connectTimeout bound on opening a connection to the store
 * @param callTimeout bound on one whole call, retries included
 */
@Validated
@ConfigurationProperties("platform.export")
public record ExportProperties(
        @NotNull URI endpoint,
        @NotNull URI publicEndpoint,
        @NotBlank String bucket,
        @NotBlank String region,
        @NotNull Duration connectTimeout,
        @NotNull Duration callTimeout) {}
