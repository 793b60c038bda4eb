package com.companion.gateway.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param allowedOrigins the web origins allowed to call the API from a browser ({@code
 *     CORS_ORIGIN}, a comma list); none by default, so browsers refuse cross-origin calls
 */
@Validated
@ConfigurationProperties("gateway.cors")
public record CorsProperties(
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue("1h") Duration maxAge) {}
