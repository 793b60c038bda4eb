package com.companion.character.sharing;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param linkBaseUrl where a share link points; the token is appended (env
 *     {@code CHARACTER_SHARE_LINK_BASE_URL})
 * @param maxLinkLifetime the longest {@code expires_in_hours} a link may ask for (env
 *     {@code CHARACTER_SHARE_LINK_MAX_LIFETIME})
 */
@Validated
@ConfigurationProperties("character.sharing")
public record SharingProperties(
        @NotNull URI linkBaseUrl, @NotNull Duration maxLinkLifetime) {

    public String linkUrl(String token) {
        String base = linkBaseUrl.toString();
        return (base.endsWith("/") ? base : base + "/") + token;
    }
}
