package com.companion.media.access;

import com.companion.contracts.media.MediaDeleted;
import com.companion.media.accounts.AccountErased;
import com.companion.media.characters.CharacterRemoved;
import com.companion.media.storage.ObjectJanitor;
import com.companion.media.storage.PendingObjects;
import com.companion.platform.messaging.outbox.Outbox;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Removes media: the row goes, {@code MediaDeleted} is recorded and the objects are journalled as
 * due, all in one transaction; the objects are deleted right after the commit, or by the next
 * sweep if the store is unavailable. The row is never left pointing at a deleted object.
 */
@Component
class MediaDeletion {

    private final MediaRepository repository;
    private final PendingObjects pending;
    private final ObjectJanitor janitor;
    private final Outbox outbox;
    private final Clock clock;

    MediaDeletion(
            MediaRepository repository, PendingObjects pending, ObjectJanitor janitor, Outbox outbox, Clock clock) {
        this.repository = repository;
        this.pending = pending;
        this.janitor = janitor;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public void delete(Media media) {
        remove(List.of(media));
    }

    /** A deleted character takes its avatars along, in the consumer's transaction. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(CharacterRemoved removed) {
        remove(repository.avatarsOf(removed.characterId()));
    }

    /**
     * A deleted account's media are erased like deletions by the owner: rows, events and, right
     * after the commit (or at the next sweep), the objects in the bucket.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(AccountErased erased) {
        remove(repository.ownedBy(erased.userId()));
    }

    private void remove(List<Media> candidates) {
        List<String> keys = new ArrayList<>();
        for (Media candidate : candidates) {
            repository.delete(candidate.id()).ifPresent(media -> {
                keys.addAll(media.objectKeys());
                outbox.publish(new MediaDeleted(
                        media.id(), media.ownerId(), media.characterId(), media.kind(), clock.instant()));
            });
        }
        if (keys.isEmpty()) {
            return;
        }
        pending.dueNow(keys);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                janitor.deleteNow(keys);
            }
        });
    }
}
