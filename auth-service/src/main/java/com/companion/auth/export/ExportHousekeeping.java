package com.companion.auth.export;

import com.companion.auth.account.AccountDeleting;
import com.companion.auth.export.internal.ExportStore;
import com.companion.auth.export.internal.ExportStore.ExportRow;
import com.companion.platform.export.ExportStorage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fails jobs whose parts did not all arrive by their deadline (naming the services that did not
 * answer), removes finished exports after the retention from the bucket and the table, and removes a
 * deleted account's exports from the bucket (the rows go with the account).
 */
@Component
class ExportHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(ExportHousekeeping.class);

    private final ExportStore store;
    private final ExportStorage storage;
    private final DataExportProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ExportHousekeeping(
            ExportStore store,
            ExportStorage storage,
            DataExportProperties properties,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.store = store;
        this.storage = storage;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Scheduled(
            fixedDelayString = "${auth.export.sweep-interval:30s}",
            initialDelayString = "${auth.export.sweep-interval:30s}")
    void sweep() {
        failOverdue();
        removeExpired();
    }

    void failOverdue() {
        Instant now = clock.instant();
        List<UUID> failed = transaction.execute(status -> {
            List<UUID> ids = new ArrayList<>();
            for (ExportRow export : store.overdue(now)) {
                Set<String> received = store.parts(export.id());
                List<String> missing = properties.services().stream()
                        .filter(service -> !received.contains(service))
                        .toList();
                if (store.markFailed(export.id(), missing, now)) {
                    log.warn("export {} of user {} failed: no part from {}", export.id(), export.userId(), missing);
                    ids.add(export.id());
                }
            }
            return ids;
        });
        if (failed != null) {
            failed.forEach(this::removeObjects);
        }
    }

    void removeExpired() {
        for (ExportRow export : store.finishedBefore(clock.instant().minus(properties.retention()))) {
            removeObjects(export.id());
            store.delete(export.id());
        }
    }

    /**
     * Published inside the deleting transaction, before the account's row (and with it its jobs) goes:
     * the ids are read now, the objects removed once the deletion committed.
     */
    @EventListener
    void on(AccountDeleting deleting) {
        List<UUID> ids = store.idsOf(deleting.userId());
        if (ids.isEmpty()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                ids.forEach(ExportHousekeeping.this::removeObjects);
            }
        });
    }

    private void removeObjects(UUID exportId) {
        try {
            storage.keys(ExportStorage.folder(exportId)).forEach(storage::delete);
            storage.delete(ExportAssembler.zipKey(exportId));
        } catch (RuntimeException e) {
            log.warn("could not remove the objects of export {}", exportId, e);
        }
    }
}
