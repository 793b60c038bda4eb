package com.companion.media.storage;

import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes objects that no media row owns: at once when asked, and on a schedule for leftovers. */
@Component
public class ObjectJanitor {

    private static final Logger log = LoggerFactory.getLogger(ObjectJanitor.class);

    private final ObjectStorage storage;
    private final PendingObjects pending;
    private final CleanupProperties properties;

    ObjectJanitor(ObjectStorage storage, PendingObjects pending, CleanupProperties properties) {
        this.storage = storage;
        this.pending = pending;
        this.properties = properties;
    }

    /**
     * Deletes journalled objects now and takes them off the journal. Best effort: on failure they
     * stay journalled and a later sweep retries, so callers never fail because of it.
     */
    public void deleteNow(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        try {
            storage.delete(keys);
            pending.settle(keys);
        } catch (RuntimeException e) {
            log.warn("could not delete {} objects now; the sweep will retry", keys.size(), e);
        }
    }

    @Scheduled(fixedDelayString = "${media.cleanup.interval}", initialDelayString = "${media.cleanup.interval}")
    public void sweepScheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("object sweep failed; retrying next time", e);
        }
    }

    /** Deletes the objects of due journal entries, one batch; answers how many were removed. */
    public int sweep() {
        List<String> due = pending.claimDue(properties.batchSize(), properties.lease());
        if (due.isEmpty()) {
            return 0;
        }
        storage.delete(due);
        pending.settle(due);
        log.info("swept {} objects that no media row owns", due.size());
        return due.size();
    }
}
