package com.companion.character.moderation.internal;

import com.companion.character.core.CharacterRow;
import com.companion.character.core.CharacterStore;
import com.companion.character.core.ModerationStatus;
import com.companion.character.events.CharacterEvents;
import com.companion.character.moderation.CharacterModeration;
import com.companion.character.moderation.ModerationProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Screens characters that were never screened (written before screening existed, state
 * {@code pending}), shortly after start and then every {@code rescreen-interval}. Until then they
 * are seen by their owner alone. Each batch is one transaction that locks its rows with
 * {@code for update skip locked}: several instances share the work without screening a row twice,
 * a crash rolls the batch back for the next run, and a row screened once is never pending again,
 * so running it again is harmless. Each screened row gets a new snapshot, so consumers learn the
 * outcome (a hidden character is published as private).
 */
@Component
class PendingScreening {

    private static final Logger log = LoggerFactory.getLogger(PendingScreening.class);

    private final CharacterStore characters;
    private final CharacterModeration moderation;
    private final CharacterEvents events;
    private final ModerationProperties properties;
    private final TransactionTemplate transaction;

    PendingScreening(
            CharacterStore characters,
            CharacterModeration moderation,
            CharacterEvents events,
            ModerationProperties properties,
            PlatformTransactionManager transactionManager) {
        this.characters = characters;
        this.moderation = moderation;
        this.events = events;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Scheduled(initialDelayString = "5s", fixedDelayString = "${character.moderation.rescreen-interval}")
    void scheduled() {
        try {
            screenAll();
        } catch (RuntimeException e) {
            log.warn("re-screening failed; will try again", e);
        }
    }

    /** Screens every pending character; answers how many were hidden. */
    int screenAll() {
        int hidden = 0;
        Batch batch;
        do {
            batch = transaction.execute(status -> screenBatch(properties.rescreenBatchSize()));
            hidden += batch.hidden();
        } while (batch.screened() == properties.rescreenBatchSize());
        if (hidden > 0) {
            log.info("re-screening hid {} characters", hidden);
        }
        return hidden;
    }

    private record Batch(int screened, int hidden) {}

    private Batch screenBatch(int size) {
        List<CharacterRow> pending = characters.lockPendingScreening(size);
        int hidden = 0;
        for (CharacterRow character : pending) {
            ModerationStatus next = moderation.rescreen(character, moderation.inAdultMode(character), null);
            events.changed(character.id());
            if (next != ModerationStatus.OK) {
                hidden++;
                log.info("character {} hidden by re-screening", character.id());
            }
        }
        return new Batch(pending.size(), hidden);
    }
}
