package com.companion.media.upload;

import com.companion.media.accounts.AccountErased;
import com.companion.media.storage.ObjectJanitor;
import com.companion.media.storage.PendingObjects;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A deleted account's unfinished direct uploads go: the offers are deleted and whatever was put in
 * quarantine is journalled as due and deleted right after the commit (or by the next sweep).
 */
@Component
class ErasedAccountUploads {

    private final PresignedUploadRepository uploads;
    private final PendingObjects pending;
    private final ObjectJanitor janitor;

    ErasedAccountUploads(PresignedUploadRepository uploads, PendingObjects pending, ObjectJanitor janitor) {
        this.uploads = uploads;
        this.pending = pending;
        this.janitor = janitor;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(AccountErased erased) {
        List<String> keys = uploads.deleteOwnedBy(erased.userId());
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
