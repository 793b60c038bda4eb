package com.companion.gateway.web;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How long a request line ({@code GET /path?query HTTP/1.1}, without its line break) may be; a
 * longer one answers a 414 problem. 4 KB is what Netty's decoder allowed when it enforced the
 * limit itself ({@code server.netty.max-initial-line-length}'s default). That setting is now far
 * above, only to bound what is read, so the gateway has the whole line and can name its path.
 */
@Validated
@ConfigurationProperties("gateway.request-line")
public record RequestLineProperties(
        @DefaultValue("4KB") @NotNull DataSize maxLength) {}
