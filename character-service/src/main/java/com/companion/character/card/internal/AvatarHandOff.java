package com.companion.character.card.internal;

import com.companion.character.card.CardProperties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The image of an imported PNG card becomes the character's avatar the way any avatar does: uploaded
 * to media-service ({@code POST /media/upload}, {@code kind=avatar}) with the importer's own token, so
 * media sniffs, re-encodes (the card chunks do not survive) and announces it, and the character takes
 * it from that event. It goes after the character's transaction commits (media waits a moment for the
 * character's event) and off the request: the import answers at once, without the avatar, and a
 * failed hand-off leaves the character without one (logged), never the import undone.
 */
@Component
class AvatarHandOff {

    private static final Logger log = LoggerFactory.getLogger(AvatarHandOff.class);

    private final RestClient media;

    AvatarHandOff(CardProperties properties) {
        this.media = RestClient.builder()
                .baseUrl(properties.mediaUrl().toString())
                .requestFactory(new JdkClientHttpRequestFactory())
                .build();
    }

    /** Hands the image over once the current transaction has committed. */
    void afterCommit(UUID characterId, byte[] png, String authorization) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                Thread.ofVirtual().name("avatar-hand-off").start(() -> upload(characterId, png, authorization));
            }
        });
    }

    void upload(UUID characterId, byte[] png, String authorization) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(png) {
            @Override
            public String getFilename() {
                return "avatar.png";
            }
        });
        parts.add("kind", "avatar");
        parts.add("character_id", characterId.toString());
        try {
            media.post()
                    .uri("/media/upload")
                    .header(HttpHeaders.AUTHORIZATION, authorization)
                    .contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(parts)
                    .retrieve()
                    .toBodilessEntity();
            log.info("character {}: the imported card's image went to media-service as its avatar", characterId);
        } catch (RestClientException e) {
            log.warn(
                    "character {}: the imported card's image could not become its avatar: {}",
                    characterId,
                    e.toString());
        }
    }
}
