package com.companion.character.avatar;

import com.companion.character.core.CharacterStore;
import com.companion.character.events.CharacterEvents;
import com.companion.contracts.Event;
import com.companion.contracts.EventEnvelope;
import com.companion.contracts.media.MediaDeleted;
import com.companion.contracts.media.MediaKind;
import com.companion.contracts.media.MediaUploaded;
import com.companion.platform.messaging.inbox.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Applies {@code media.events.v1} events once each. */
@Component
class Avatars {

    static final String CONSUMER = "character-service:media.events";

    private static final Logger log = LoggerFactory.getLogger(Avatars.class);

    private final ProcessedEvents processed;
    private final CharacterStore characters;
    private final CharacterEvents events;

    Avatars(ProcessedEvents processed, CharacterStore characters, CharacterEvents events) {
        this.processed = processed;
        this.characters = characters;
        this.events = events;
    }

    @Transactional
    public void apply(EventEnvelope<Event> envelope) {
        processed.once(CONSUMER, envelope, event -> {
            switch (event) {
                case MediaUploaded uploaded -> uploaded(uploaded);
                case MediaDeleted deleted -> deleted(deleted);
                default ->
                    log.debug("ignoring {} on the media topic", event.getClass().getSimpleName());
            }
        });
    }

    private void uploaded(MediaUploaded media) {
        if (media.kind() != MediaKind.AVATAR || media.characterId() == null || !isWebUrl(media.url())) {
            log.debug("media {} is not an avatar of a character; ignored", media.mediaId());
            return;
        }
        // Only the owner's upload counts: anyone can upload naming any character id.
        if (characters.setAvatar(media.characterId(), media.ownerId(), media.url(), media.mediaId())) {
            events.changed(media.characterId());
        } else {
            log.debug(
                    "avatar {} ignored: character {} is gone, not owned by {}, or already has it",
                    media.mediaId(),
                    media.characterId(),
                    media.ownerId());
        }
    }

    private void deleted(MediaDeleted media) {
        if (media.characterId() != null && characters.clearAvatar(media.characterId(), media.mediaId())) {
            events.changed(media.characterId());
        }
    }

    /** An absolute web URL, or a path on the public gateway (media-service publishes {@code /media/{id}/content}). */
    private static boolean isWebUrl(String url) {
        return url.startsWith("https://") || url.startsWith("http://") || url.startsWith("/media/");
    }
}
