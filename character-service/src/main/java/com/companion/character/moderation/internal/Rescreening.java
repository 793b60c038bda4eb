package com.companion.character.moderation.internal;

import com.companion.character.core.CharacterRow;
import com.companion.character.core.CharacterStore;
import com.companion.character.core.ModerationStatus;
import com.companion.character.events.CharacterEvents;
import com.companion.character.moderation.CharacterModeration;
import com.companion.character.moderation.CharacterScreening;
import com.companion.character.moderation.ModerationProperties;
import java.util.List;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Screens, shortly after start and then every {@code rescreen-interval}:
 *
 * <ol>
 *   <li>every character never screened (written before screening existed, state {@code pending}); until then it is
 *       seen by its owner alone;
 *   <li>then up to {@code rescreen-max-per-run} characters whose text was judged by an older screening version ({@link
 *       CharacterScreening#version()}): a better guard reaches the catalogue written before it, and a character hidden
 *       by a false block that has since been fixed comes back. Taken-down characters are left to administrators.
 *       Older means first seen before this instance's version, so during a rolling deploy the old instances leave
 *       the new verdicts alone. The cap keeps a large catalogue from taking the service's CPU in one go; the rest
 *       follows in later runs.
 * </ol>
 *
 * <p>Each batch is one transaction that locks its rows with {@code for update skip locked}: several instances share
 * the work without screening a row twice, a crash rolls the batch back for the next run, and a row screened under the
 * current version is not picked again, so running it again is harmless. Each screened row gets a new snapshot, so
 * consumers learn the outcome (a hidden character is published as private).
 */
@Component
class Rescreening {

    private static final Logger log = LoggerFactory.getLogger(Rescreening.class);

    private final CharacterStore characters;
    private final CharacterModeration moderation;
    private final CharacterScreening screening;
    private final CharacterEvents events;
    private final ModerationProperties properties;
    private final TransactionTemplate transaction;

    Rescreening(
            CharacterStore characters,
            CharacterModeration moderation,
            CharacterScreening screening,
            CharacterEvents events,
            ModerationProperties properties,
            PlatformTransactionManager transactionManager) {
        this.characters = characters;
        this.moderation = moderation;
        this.screening = screening;
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

    /** Screens every pending character, then up to the cap of those judged by an older version; answers how many were hidden. */
    int screenAll() {
        Batch pending = screenUpTo(Integer.MAX_VALUE, characters::lockPendingScreening);
        List<String> older = characters.screeningVersionsBefore(screening.version());
        Batch again = screenUpTo(properties.rescreenMaxPerRun(), limit -> characters.lockScreenedBefore(older, limit));
        if (again.screened() > 0) {
            log.info("screened {} characters again under {}", again.screened(), screening.version());
        }
        int hidden = pending.hidden() + again.hidden();
        if (hidden > 0) {
            log.info("re-screening hid {} characters", hidden);
        }
        return hidden;
    }

    /** Batches of the rows {@code lock} answers, one transaction each, until it answers a short batch or {@code max} are done. */
    private Batch screenUpTo(int max, IntFunction<List<CharacterRow>> lock) {
        int screened = 0;
        int hidden = 0;
        while (screened < max) {
            int limit = Math.min(properties.rescreenBatchSize(), max - screened);
            Batch batch = transaction.execute(status -> screenBatch(lock.apply(limit)));
            screened += batch.screened();
            hidden += batch.hidden();
            if (batch.screened() < limit) {
                break;
            }
        }
        return new Batch(screened, hidden);
    }

    private record Batch(int screened, int hidden) {}

    private Batch screenBatch(List<CharacterRow> rows) {
        int hidden = 0;
        for (CharacterRow character : rows) {
            ModerationStatus before = character.moderationStatus();
            ModerationStatus next = moderation.rescreen(character, moderation.inAdultMode(character), null);
            if (before == ModerationStatus.PENDING || next != before) {
                events.changed(character.id());
            }
            if (next != ModerationStatus.OK && next != before) {
                hidden++;
                log.info("character {} hidden by re-screening", character.id());
            }
        }
        return new Batch(rows.size(), hidden);
    }
}
