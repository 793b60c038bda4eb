package com.companion.gateway.web;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How large a request body may be: {@code defaultMax} for every request (JSON), {@code uploadMax}
 * for the upload paths (multipart media, and character card files, whose PNGs often pass 1 MB;
 * character-service checks its own card limit after them).
 */
@Validated
@ConfigurationProperties("gateway.body-limits")
public record BodyLimitProperties(
        @DefaultValue("1MB") @NotNull DataSize defaultMax,
        @DefaultValue("12MB") @NotNull DataSize uploadMax,

        @DefaultValue({"/media/upload", "/characters/import"}) @NotEmpty
        List<String> uploadPaths) {}
