package com.companion.media.storage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The S3-compatible store. Credentials are not here: they come from the SDK's default chain
 * ({@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, system properties, profiles, roles).
 *
 * @param endpoint where this service reaches the store
 * @param publicEndpoint where clients reach it; presigned URLs are signed for this host
 * @param connectTimeout bound on opening a connection to the store
 * @param callTimeout bound on one whole call, retries included
 */
@Validated
@ConfigurationProperties("media.s3")
public record S3Properties(
        @NotNull URI endpoint,
        @NotNull URI publicEndpoint,
        @NotBlank String bucket,
        @NotBlank String region,
        @NotNull Duration connectTimeout,
        @NotNull Duration callTimeout) {}
