package com.companion.character.card;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of card import. The multipart limits ({@code spring.servlet.multipart.*}) bound the upload
 * itself; these bound what is read out of it.
 *
 * @param maxFileSize the largest card file (env {@code CHARACTER_CARD_MAX_FILE_SIZE})
 * @param maxCardJsonSize the largest card JSON, whether a file, a PNG chunk (before base64 decoding) or
 *     CHARX's {@code card.json} (env {@code CHARACTER_CARD_MAX_JSON_SIZE})
 * @param mediaUrl media-service, to which the image of an imported PNG card goes as the new character's avatar
 *     (env {@code MEDIA_SERVICE_URL})
 */
@Validated
@ConfigurationProperties("character.card")
public record CardProperties(
        @NotNull DataSize maxFileSize,
        @NotNull DataSize maxCardJsonSize,
        @NotNull URI mediaUrl) {}
